package cn.sedx.gateway.intake;

import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.Violation;
import java.time.Instant;
import java.util.List;

/**
 * What the submitter is told once its filing is durably stored.
 *
 * @param repeated true when the idempotency key matched an earlier identical submission: this is its first answer
 * @param warnings rule findings that did not refuse the filing
 */
public record IntakeReceipt(
        String messageId,
        MessageType type,
        String state,
        Instant receivedAt,
        boolean repeated,
        List<Violation> warnings) {}
