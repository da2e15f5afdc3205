package cn.sedx.gateway.delivery;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Filings submitted to several gateway nodes at once, as a load balancer spreads them: client threads send to the
 * nodes in turn until stopped, at most {@code perSecond} filings a second in all (so that a fast machine does not
 * pile up more filings than the simulators keep receptions of), and every answer is kept with the moment its
 * request was sent, so a test can say what the gateway answered while a part was down. A request that gets no answer (its node was killed) counts
 * as not accepted: nothing was promised for it.
 */
final class NodeLoad {

    /**
     * One request: the node it went to, when it was sent and answered (System.nanoTime), the status (0: no answer),
     * the Retry-After header and the message id of a 202.
     */
    record Answer(int node, long sentAt, long answeredAt, int status, String retryAfter, String messageId) {}

    private final List<Gateway> nodes;
    private final int clients;
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong turn = new AtomicLong();
    private final ExecutorService pool;
    private final long started = System.nanoTime();
    private final long interval;

    NodeLoad(List<Gateway> nodes, int clients, int perSecond) {
        this.nodes = List.copyOf(nodes);
        this.clients = clients;
        this.pool = Executors.newFixedThreadPool(clients);
        this.interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
    }

    NodeLoad start() {
        for (int i = 0; i < clients; i++) {
            pool.execute(this::submitUntilStopped);
        }
        return this;
    }

    private void submitUntilStopped() {
        while (running.get()) {
            long ticket = turn.getAndIncrement();
            int node = (int) (ticket % nodes.size());
            // paced: the n-th request goes no earlier than n intervals after the start
            LockSupport.parkNanos(started + ticket * interval - System.nanoTime());
            long sentAt = System.nanoTime();
            try {
                HttpResponse<String> response = nodes.get(node).submitFilingAnswer("440106");
                String id = response.statusCode() == 202
                        ? Gateway.read(response.body()).path("messageId").asText() : null;
                answers.add(new Answer(node, sentAt, System.nanoTime(), response.statusCode(),
                        response.headers().firstValue("Retry-After").orElse(null), id));
            } catch (RuntimeException e) {
                answers.add(new Answer(node, sentAt, System.nanoTime(), 0, null, null));
            }
        }
    }

    /** Stops the clients and waits for their last answers. */
    void stop() throws InterruptedException {
        running.set(false);
        pool.shutdown();
        if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the load's clients did not stop");
        }
    }

    /** The ids answered 202 so far, in order of their answers. */
    List<String> accepted() {
        List<String> ids = new ArrayList<>();
        answers.stream().filter(a -> a.status() == 202).forEach(a -> ids.add(a.messageId()));
        return ids;
    }

    /** The ids {@code node} answered 202 for. */
    List<String> acceptedBy(int node) {
        return answers.stream().filter(a -> a.status() == 202 && a.node() == node).map(Answer::messageId).toList();
    }

    /** Every answer so far. */
    List<Answer> answers() {
        return List.copyOf(answers);
    }
}
