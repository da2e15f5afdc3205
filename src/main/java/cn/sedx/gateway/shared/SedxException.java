package cn.sedx.gateway.shared;

import java.util.List;

/**
 * A failure the gateway knows how to report: it carries the error code (which says the HTTP status, the SOAP fault
 * side and whether retrying can help), the message id it concerns (null before one is minted), and every violation
 * found. Build one with the constructors for a bare code or with the factories for the common shapes.
 */
public class SedxException extends RuntimeException {

    private final ErrorCode code;
    private final String messageId;
    private final List<Violation> violations;

    /** A failure with the code's own messages and {@code detail} (for the log, never the client) as its message. */
    public SedxException(ErrorCode code, String detail) {
        this(code, null, detail, List.of(), null);
    }

    /**
     * The general form.
     *
     * @param messageId the message the failure concerns, or null
     * @param violations what was wrong and where; empty when the code's own message says it
     * @param cause the underlying failure, or null
     */
    public SedxException(
            ErrorCode code, String messageId, String detail, List<Violation> violations, Throwable cause) {
        super(code.name() + (detail == null ? "" : ": " + detail));
        this.code = code;
        this.messageId = messageId;
        this.violations = List.copyOf(violations);
        if (cause != null) {
            initCause(cause);
        }
    }

    /** A failure caused by {@code cause}, with the code's own messages. */
    public static SedxException because(ErrorCode code, String detail, Throwable cause) {
        return new SedxException(code, null, detail, List.of(), cause);
    }

    /** A refusal listing its violations. */
    public static SedxException refused(ErrorCode code, String detail, List<Violation> violations) {
        return new SedxException(code, null, detail, violations, null);
    }

    /**
     * A refusal with one violation at {@code pointer} whose messages add a detail (free of personal data) to the code's
     * defaults; the English detail is the exception's message too.
     */
    public static SedxException at(ErrorCode code, String pointer, String detailZh, String detailEn) {
        return refused(code, detailEn, List.of(Violation.of(code, pointer, detailZh, detailEn)));
    }

    /** This failure with {@code cause} attached; for the factories, which take none. */
    public SedxException causedBy(Throwable cause) {
        initCause(cause);
        return this;
    }

    public ErrorCode code() {
        return code;
    }

    /** The message this failure concerns, or null. */
    public String messageId() {
        return messageId;
    }

    /** Whether a retry of the same operation can help; retry and dead-letter decisions read this. */
    public boolean recoverable() {
        return code.recoverable();
    }

    public List<Violation> violations() {
        return violations;
    }
}
