package cn.sedx.gateway.messagestore;

import java.time.Duration;
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
 *
 * <p>A caller may say beforehand that it is on its way ({@link #expect}: a submission that has begun its validation).
 * A commit that starts while others are on their way waits for them, up to the linger, before it takes its batch: at
 * a few hundred submissions a second most callers would otherwise each find no commit under way and commit alone,
 * and with the embedded store every commit rewrites the changed pages of every table and index it touched.
 */
final class GroupCommit {

    private final TransactionTemplate transactions;
    private final int maxBatch;
    private final long lingerNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    private final Condition arrived = lock.newCondition();
    private final List<Write<?>> queue = new ArrayList<>();
    // each caller's promise to come (expect), until it queues a write or gives up; onTheirWay counts the open ones
    private final ThreadLocal<Promise> promises = new ThreadLocal<>();
    private int onTheirWay;
    private boolean committing;

    /** @param linger how long a commit waits at most for callers on their way; zero never waits */
    GroupCommit(TransactionTemplate transactions, int maxBatch, Duration linger) {
        this.transactions = transactions;
        this.maxBatch = maxBatch;
        this.lingerNanos = linger.toNanos();
    }

    /**
     * The calling thread will probably commit a write soon: a commit starting meanwhile may wait for it. Close the
     * handle when the caller is done, whether it wrote or not (a refused submission); a thread already expected gets
     * a handle that does nothing.
     */
    MessageStore.Expected expect() {
        if (lingerNanos <= 0) {
            return MessageStore.Expected.NOTHING;
        }
        lock.lock();
        try {
            Promise mine = promises.get();
            if (mine != null && mine.open) {
                return MessageStore.Expected.NOTHING;
            }
            Promise promise = new Promise();
            promises.set(promise);
            onTheirWay++;
            return promise;
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} inside a transaction shared with other callers and returns once it is committed. */
    <T> T commit(Supplier<T> work) {
        Write<T> write = new Write<>(work);
        List<Write<?>> batch;
        lock.lock();
        try {
            queue.add(write);
            arrive();
            while (!write.done && committing) {
                committed.awaitUninterruptibly();
            }
            if (write.done) {
                return write.result();
            }
            committing = true;
            awaitOthers();
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

    /** The calling thread queued its write: it is no longer on its way. */
    private void arrive() {
        Promise mine = promises.get();
        if (mine != null) {
            promises.remove();
            keep(mine);
        }
    }

    private void keep(Promise promise) {
        lock.lock();
        try {
            if (promise.open) {
                promise.open = false;
                onTheirWay--;
                arrived.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: waits, up to the linger, until no expected caller is still on its way or the batch is full. */
    private void awaitOthers() {
        long left = lingerNanos;
        while (onTheirWay > 0 && queue.size() < maxBatch && left > 0) {
            try {
                left = arrived.awaitNanos(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
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

    /** A caller's word that it is on its way (guarded by the lock); kept once it queues a write or is closed. */
    private final class Promise implements MessageStore.Expected {
        private boolean open = true;

        @Override
        public void close() {
            if (promises.get() == this) {
                promises.remove();
            }
            keep(this);
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
