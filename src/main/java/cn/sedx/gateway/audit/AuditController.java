package cn.sedx.gateway.audit;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators' and auditors' view of the audit trail: its entries and a check of the whole chain. */
@RestController
@RequestMapping(path = "/api/v1/admin/audit", produces = MediaType.APPLICATION_JSON_VALUE)
class AuditController {

    private final AuditVerifier verifier;
    private final HeadSignatures heads;
    private final AuditTrail trail;
    private final JdbcClient jdbc;

    AuditController(AuditVerifier verifier, HeadSignatures heads, AuditTrail trail, JdbcClient jdbc) {
        this.verifier = verifier;
        this.heads = heads;
        this.trail = trail;
        this.jdbc = jdbc;
    }

    /** Signs the chain head now (besides the daily signature); operators only, with a reason. */
    @PostMapping(path = "/head-signatures", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Long>> signHead(@RequestBody OperatorReason request, Principal operator) {
        String reason = OperatorReason.required(request);
        trail.record(operator.getName(), "AUDIT_HEAD_SIGNED", null, reason);
        return ResponseEntity.status(201).body(Map.of("seq", heads.signHead()));
    }

    @GetMapping("/verify")
    AuditReport verify() {
        return verifier.verify();
    }

    /** Entries, newest first, optionally of one message. */
    @GetMapping
    List<Entry> entries(@RequestParam(required = false) String messageId,
            @RequestParam(defaultValue = "100") int limit) {
        int bounded = Math.max(1, Math.min(limit, 1000));
        String where = messageId == null ? "" : " WHERE message_id = ?";
        var query = jdbc.sql("SELECT id, seq, recorded_at, actor, action, message_id, detail FROM audit_entry" + where
                + " ORDER BY id DESC FETCH FIRST " + bounded + " ROWS ONLY");
        if (messageId != null) {
            query = query.param(messageId);
        }
        return query.query((rs, n) -> new Entry(rs.getLong(1), (Long) rs.getObject(2),
                rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    /** One audit entry; {@code seq} is null until it is sealed into the chain. */
    record Entry(long id, Long seq, Instant recordedAt, String actor, String action, String messageId,
            String detail) {}
}
