package cn.sedx.gateway.admin;

import cn.sedx.gateway.audit.AuditTrail;
import cn.sedx.gateway.audit.OperatorReason;
import cn.sedx.gateway.messagestore.PayloadResealing;
import cn.sedx.gateway.security.Caller;
import cn.sedx.gateway.security.Callers;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators re-seal stored payloads under the current store key after a rotation (docs/security.md): each call
 * examines up to {@code limit} messages after {@code after} and answers where to go on; repeat until {@code next}
 * is null, then the old key may be retired.
 */
@RestController
class StoreKeysController {

    static final String ACTION = "STORE_RESEALED";
    private static final int MAX_LIMIT = 100_000;

    private final PayloadResealing resealing;
    private final AuditTrail audit;

    StoreKeysController(PayloadResealing resealing, AuditTrail audit) {
        this.resealing = resealing;
        this.audit = audit;
    }

    /**
     * The body of a request.
     *
     * @param after the {@code next} of the previous call, or null to start from the first message
     * @param limit messages to examine in this call (default and maximum 100 000)
     */
    record Reseal(String reason, String after, Integer limit) {}

    @PostMapping("/api/v1/admin/store/reseal")
    PayloadResealing.Progress reseal(@RequestBody(required = false) Reseal request) {
        String reason = OperatorReason.required(request == null ? null : request.reason());
        String operator = Callers.current().map(Caller::id).orElse("operator");
        int limit = request.limit() == null ? MAX_LIMIT : Math.max(1, Math.min(MAX_LIMIT, request.limit()));
        PayloadResealing.Progress progress = resealing.reseal(request.after(), limit);
        audit.record(operator, ACTION, null, "re-sealed " + progress.resealed() + " of " + progress.examined()
                + " payloads under store key " + progress.keyId() + ": " + reason);
        return progress;
    }
}
