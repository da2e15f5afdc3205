package cn.sedx.gateway.replay;

import cn.sedx.gateway.messagestore.MessageState;
import cn.sedx.gateway.shared.MessageType;
import java.time.Instant;
import java.util.List;

/**
 * {@code POST /api/v1/admin/replays}: which messages to put back on their queues, and why.
 *
 * @param messageIds    explicit ids; or null to select by {@code filter}
 * @param filter        selection when no ids are given
 * @param dryRun        answer how many and which would be replayed, change nothing
 * @param reason        why (required; goes into each message's history and the audit trail)
 * @param ratePerSecond most messages replayed per second, or null for the default
 */
public record ReplayRequest(List<String> messageIds, Filter filter, boolean dryRun, String reason,
        Integer ratePerSecond) {

    /**
     * Selection of messages; every field optional.
     *
     * @param destination only messages with a delivery to this destination (and only that delivery is replayed)
     * @param from        received at or after
     * @param to          received before
     */
    public record Filter(MessageState state, MessageType type, String destination, String unitUscc, Instant from,
            Instant to) {}
}
