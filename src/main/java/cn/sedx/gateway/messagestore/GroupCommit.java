package cn.sedx.gateway.messagestore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits the writes of concurrent callers together (group commit): a caller that finds no commit under way runs,
 * in one transaction, its own write and every write queued before it began; callers that arrive meanwhile wait and
 * are taken by the next one. Each caller returns once its own write is committed, so nothing is acknowledged
 * before it is durable. When the shared transaction fails, each of its writes runs again in a transaction of its
 * own: one caller's failure (a duplicate idempotency key) stays that caller's. A lone caller pays nothing extra.
 */
final class GroupCommit {

    private final TransactionTemplate transactions;
    private final int maxBatch;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    private final List<Write<?>> queue = new ArrayList<>();
    private boolean committing;

    GroupCommit(TransactionTemplate transactions, int maxBatch) {
        this.transactions = transactions;
        this.maxBatch = maxBatch;
    }

    /** Runs {@code work} inside a transaction shared with other callers and returns once it is committed. */
    <T> T commit(Supplier<T> work) {
        Write<T> write = new Write<>(work);
        List<Write<?>> batch;
        lock.lock();
        try {
            queue.add(write);
            while (!write.done && committing) {
                committed.awaitUninterruptibly();
            }
            if (write.done) {
                return write.result();
            }
            committing = true;
            int size = Math.min(queue.size(), maxBatch);
            batch = new ArrayList<>(queue.subList(0, size));
            queue.subList(0, size).clear();
        } finally {
            lock.unlock();
        }
        try {
            run(batch);
        } finally {
            lock.lock();
            try {
                batch.forEach(w -> w.done = true);
                committing = false;
                committed.signalAll();
            } finally {
                lock.unlock();
            }
        }
        return write.result();
    }

    /** How many writes wait for the next commit. */
    int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    private void run(List<Write<?>> batch) {
        if (batch.size() > 1) {
            try {
                transactions.executeWithoutResult(status -> batch.forEach(Write::run));
                return;
            } catch (RuntimeException e) {
                // one of them failed: each on its own, so the others are not refused for it
                batch.forEach(Write::reset);
            }
        }
        for (Write<?> write : batch) {
            try {
                transactions.executeWithoutResult(status -> write.run());
            } catch (RuntimeException e) {
                write.failure = e;
            }
        }
    }

    /** One caller's write and what came of it. */
    private static final class Write<T> {
        private final Supplier<T> work;
        private T value;
        private RuntimeException failure;
        private boolean done;

        Write(Supplier<T> work) {
            this.work = work;
        }

        void run() {
            value = work.get();
        }

        void reset() {
            value = null;
        }

        T result() {
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }
}
