package cn.sedx.gateway.upload;

import static cn.sedx.gateway.messagestore.StateChange.GATEWAY;

import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.messagestore.NewMessage;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.Sha256;
import java.time.Clock;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands a signed chunk to delivery: in one transaction it stores the chunk as a PERSONNEL_BATCH message in state
 * RECEIVED (the intake's outbox then queues it for the national platform like any accepted message), records
 * the chunk in its run and advances the run's progress. A crash leaves either all of it or none.
 */
class ChunkRecorder {

    /** The submitting system the gateway's own messages are stored under. */
    /** The channel of chunk messages. */
    static final String CHANNEL = "UPLOAD";

    private final MessageStore store;
    private final UploadRuns runs;
    private final TransactionTemplate transactions;
    private final UploadSettings settings;
    private final Clock clock;

    ChunkRecorder(MessageStore store, UploadRuns runs, TransactionTemplate transactions, UploadSettings settings,
            Clock clock) {
        this.store = store;
        this.runs = runs;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Records a new chunk of a run with the run's progress after it.
     *
     * @return false, recording nothing, when the run is no longer RUNNING
     */
    boolean record(String runId, Chunk chunk, String messageId, byte[] signedPackage, long filingsDone,
            long records) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!runs.heartbeat(runId, filingsDone, records, clock.instant())) {
                return false;
            }
            store.insertReceived(message(runId, chunk.seq(), 1, signedPackage, null), messageId);
            runs.insertChunk(runId, chunk, messageId, signedPackage.length, clock.instant());
            return true;
        }));
    }

    /** Re-sends a chunk whose message was dead-lettered, as a new message naming the old one as previous. */
    boolean replace(String runId, UploadRuns.ChunkRow old, String messageId, byte[] signedPackage) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!runs.touch(runId, clock.instant())) {
                return false;
            }
            store.insertReceived(message(runId, old.seq(), old.attempts() + 1, signedPackage, old.messageId()),
                    messageId);
            runs.replaceChunkMessage(runId, old.seq(), messageId, signedPackage.length);
            return true;
        }));
    }

    private NewMessage message(String runId, int seq, int attempt, byte[] signedPackage, String previous) {
        return new NewMessage(MessageType.PERSONNEL_BATCH, GATEWAY, CHANNEL, null, settings.sender().regionCode(),
                "upload:" + runId + ":" + seq + ":" + attempt, Sha256.hex(signedPackage), signedPackage, null, previous);
    }

}
