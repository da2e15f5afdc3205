package cn.sedx.gateway.intake.web;

import cn.sedx.gateway.intake.IntakeReceipt;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.Violation;
import java.time.Instant;
import java.util.List;

/** The 202 body: the message id for life, and where the filing stands. */
record AcceptedBody(String messageId, MessageType type, String state, Instant receivedAt, List<Violation> warnings) {

    static AcceptedBody of(IntakeReceipt receipt) {
        return new AcceptedBody(receipt.messageId(), receipt.type(), receipt.state(), receipt.receivedAt(),
                receipt.warnings().isEmpty() ? null : receipt.warnings());
    }
}
