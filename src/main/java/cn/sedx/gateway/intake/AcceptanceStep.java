package cn.sedx.gateway.intake;

import cn.sedx.gateway.messagestore.StoredMessage;
import cn.sedx.gateway.shared.MessageType;

/**
 * Work another feature does in the very transaction that stores an accepted filing, so the two commit or roll back
 * together: the rectification feature records an issued order or applies a change to it. A step may refuse the
 * filing by throwing a {@link cn.sedx.gateway.shared.SedxException}; then nothing is stored and the submitter hears
 * the refusal. Implementations are Spring beans and must be thread-safe.
 */
public interface AcceptanceStep {

    /** Whether this step concerns filings of {@code type}. */
    boolean handles(MessageType type);

    /**
     * Called inside the storing transaction, after the message is stored in state RECEIVED.
     *
     * @param message the stored message (its id, submitting system, unit and region)
     * @param filing  the validated typed filing (a model record)
     * @throws cn.sedx.gateway.shared.SedxException to refuse the filing
     */
    void accepted(StoredMessage message, Object filing);
}
