package cn.sedx.gateway.intake.web;

import cn.sedx.gateway.intake.IntakeReceipt;
import cn.sedx.gateway.intake.IntakeService;
import cn.sedx.gateway.intake.IntakeSettings;
import cn.sedx.gateway.intake.Submission;
import cn.sedx.gateway.security.Caller;
import cn.sedx.gateway.security.Callers;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST intake of every submitted type: {@code 202} once the filing is durably stored. */
@RestController
@RequestMapping(path = "/api/v1", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
class SubmissionController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern KEY_SHAPE = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private final IntakeService intake;
    private final IntakeSettings settings;

    SubmissionController(IntakeService intake, IntakeSettings settings) {
        this.intake = intake;
        this.settings = settings;
    }

    @PostMapping("/personnel-filings")
    ResponseEntity<AcceptedBody> personnelFiling(HttpServletRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) throws IOException {
        return submit(MessageType.PERSONNEL_FILING, request, key, settings.maxBodySize());
    }

    @PostMapping("/safety-records")
    ResponseEntity<AcceptedBody> safetyRecord(HttpServletRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) throws IOException {
        return submit(MessageType.SAFETY_RECORD, request, key, settings.maxBodySize());
    }

    @PostMapping("/year-end-reports")
    ResponseEntity<AcceptedBody> yearEndReport(HttpServletRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            @RequestParam(name = "replaces", required = false) String replaces) throws IOException {
        return submit(MessageType.YEAR_END_REPORT, request, key, settings.maxReportBodySize(), replaces);
    }

    @PostMapping("/training-records")
    ResponseEntity<AcceptedBody> trainingRecord(HttpServletRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) throws IOException {
        return submit(MessageType.TRAINING_RECORD, request, key);
    }

    @PostMapping("/rectification-orders")
    ResponseEntity<AcceptedBody> rectificationOrder(HttpServletRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) throws IOException {
        return submit(MessageType.RECTIFICATION_ORDER, request, key);
    }

    @PostMapping("/rectification-order-changes")
    ResponseEntity<AcceptedBody> rectificationOrderChange(HttpServletRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) throws IOException {
        return submit(MessageType.RECTIFICATION_ORDER_CHANGE, request, key);
    }

    @PostMapping("/agency-reports")
    ResponseEntity<AcceptedBody> agencyReport(HttpServletRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) throws IOException {
        return submit(MessageType.AGENCY_REPORT, request, key);
    }

    private ResponseEntity<AcceptedBody> submit(MessageType type, HttpServletRequest request, String key)
            throws IOException {
        return submit(type, request, key, settings.maxBodySizeOf(type), null);
    }

    private ResponseEntity<AcceptedBody> submit(MessageType type, HttpServletRequest request, String key,
            DataSize limit) throws IOException {
        return submit(type, request, key, limit, null);
    }

    private ResponseEntity<AcceptedBody> submit(MessageType type, HttpServletRequest request, String key,
            DataSize limit, String replaces) throws IOException {
        checkKey(key);
        byte[] body = BoundedBody.read(request, limit);
        IntakeReceipt receipt = intake.submit(new Submission(type, submitter(request), "REST", key, body, replaces));
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/messages/" + receipt.messageId()))
                .body(AcceptedBody.of(receipt));
    }

    static void checkKey(String key) {
        if (key != null && !KEY_SHAPE.matcher(key).matches()) {
            Violation violation = Violation.of(ErrorCode.SCHEMA_VIOLATION, "", "幂等键须为 1 至 128 个可见 ASCII 字符",
                    "Idempotency-Key must be 1 to 128 visible ASCII characters");
            throw SedxException.refused(ErrorCode.SCHEMA_VIOLATION, "bad Idempotency-Key",
                    List.of(violation));
        }
    }

    /** The authenticated submitting system (the security filter chain lets only systems reach here). */
    static String submitter(HttpServletRequest request) {
        return Callers.current().filter(Caller::isSystem).map(Caller::id)
                .orElseThrow(() -> new SedxException(ErrorCode.UNAUTHENTICATED, "no submitting system"));
    }
}
