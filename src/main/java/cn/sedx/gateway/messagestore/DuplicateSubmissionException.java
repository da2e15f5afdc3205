package cn.sedx.gateway.messagestore;

/** The submitter's idempotency key is already taken; {@link #existing()} is the message stored under it. */
public class DuplicateSubmissionException extends RuntimeException {

    private final transient StoredMessage existing;

    public DuplicateSubmissionException(StoredMessage existing) {
        super("idempotency key already used by message " + existing.id());
        this.existing = existing;
    }

    public StoredMessage existing() {
        return existing;
    }
}
