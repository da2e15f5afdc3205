package cn.sedx.gateway.shared;

import java.util.List;

/**
 * A failure the gateway knows how to report: it carries the error code, the message id it concerns
 * (null before one is minted), whether retrying can help, and every violation found.
 */
public class SedxException extends RuntimeException {

    private final ErrorCode code;
    private final String messageId;
    private final boolean recoverable;
    private final List<Violation> violations;

    public SedxException(ErrorCode code, String detail) {
        this(code, null, code.recoverable(), detail, List.of(), null);
    }

    public SedxException(ErrorCode code, String messageId, boolean recoverable, String detail, Throwable cause) {
        this(code, messageId, recoverable, detail, List.of(), cause);
    }

    public SedxException(
            ErrorCode code,
            String messageId,
            boolean recoverable,
            String detail,
            List<Violation> violations,
            Throwable cause) {
        super(code.name() + (detail == null ? "" : ": " + detail), cause);
        this.code = code;
        this.messageId = messageId;
        this.recoverable = recoverable;
        this.violations = List.copyOf(violations);
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
        return recoverable;
    }

    public List<Violation> violations() {
        return violations;
    }
}
