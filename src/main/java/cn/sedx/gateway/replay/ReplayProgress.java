package cn.sedx.gateway.replay;

import java.time.Instant;

/**
 * {@code GET /api/v1/admin/replays/{id}}: how far a replay has got.
 *
 * @param done       messages already put back on their queues
 * @param finishedAt when the last one was, or null while running
 */
public record ReplayProgress(String replayId, String actor, String reason, String destination, int ratePerSecond,
        Instant requestedAt, int total, int done, Instant finishedAt) {}
