package cn.sedx.gateway.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the simulated platforms received: the last attempts with their exact bytes, bounded in number, in bytes per
 * body and in bytes in all (a body past its cap is kept cut off, and says so), the message ids seen per destination
 * (bounded, to spot duplicates) with the number of verified receptions of each, and counters per destination.
 * Thread-safe.
 */
class ReceivedLog {

    /**
     * One delivery attempt as received.
     *
     * @param body     the body as received, or its first bytes when it was longer than kept bodies may be
     * @param bodySize the length of the body as received
     * @param outcome  RECEIVED, DUPLICATE or REJECTED
     */
    record Entry(String destination, String messageId, Instant receivedAt, Map<String, String> headers,
            byte[] body, long bodySize, String outcome) {

        Entry(String destination, String messageId, Instant receivedAt, Map<String, String> headers, byte[] body,
                String outcome) {
            this(destination, messageId, receivedAt, headers, body, body.length, outcome);
        }

        /** Whether {@link #body} was cut off. */
        boolean truncated() {
            return body.length < bodySize;
        }
    }

    /** Counters of one destination. */
    static final class Counts {
        long received;
        long duplicates;
        long rejected;
        long failed;
        long inFlight;
        long inFlightMax;
    }

    private final int keep;
    private final int rememberIds;
    private final int maxBody;
    private final long maxBytes;
    private long keptBytes;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private final Map<String, Map<String, Integer>> seen = new ConcurrentHashMap<>();
    private final Map<String, Counts> counts = new TreeMap<>();

    /**
     * @param maxBody  the most bytes of one body kept
     * @param maxBytes the most bytes of bodies kept in all
     */
    ReceivedLog(int keep, int rememberIds, long maxBody, long maxBytes) {
        this.keep = keep;
        this.rememberIds = rememberIds;
        this.maxBody = (int) Math.min(Integer.MAX_VALUE - 8, maxBody);
        this.maxBytes = maxBytes;
    }

    /** Records a verified attempt; returns true when the message id was new for the destination. */
    synchronized boolean accept(Entry entry) {
        boolean first = ids(entry.destination()).merge(entry.messageId(), 1, Integer::sum) == 1;
        Counts c = counts(entry.destination());
        if (first) {
            c.received++;
        } else {
            c.duplicates++;
        }
        keep(new Entry(entry.destination(), entry.messageId(), entry.receivedAt(), entry.headers(), entry.body(),
                first ? "RECEIVED" : "DUPLICATE"));
        return first;
    }

    synchronized void reject(Entry entry) {
        counts(entry.destination()).rejected++;
        keep(entry);
    }

    synchronized void failed(String destination) {
        counts(destination).failed++;
    }

    /** A delivery attempt arrived: counts the attempts the destination is handling at once, and their maximum. */
    synchronized void enter(String destination) {
        Counts c = counts(destination);
        c.inFlight++;
        c.inFlightMax = Math.max(c.inFlightMax, c.inFlight);
    }

    /** A delivery attempt was answered. */
    synchronized void leave(String destination) {
        counts(destination).inFlight--;
    }

    /**
     * How many verified copies of {@code messageId} each destination received (the first and every repeat), for the
     * destinations that received one; counted for the last {@code rememberIds} ids of a destination, however many
     * of the attempts themselves are still kept.
     */
    synchronized Map<String, Integer> receptions(String messageId) {
        Map<String, Integer> receptions = new TreeMap<>();
        seen.forEach((destination, ids) -> {
            Integer count = ids.get(messageId);
            if (count != null) {
                receptions.put(destination, count);
            }
        });
        return receptions;
    }

    synchronized List<Entry> find(String messageId) {
        return entries.stream().filter(e -> messageId == null || e.messageId().equals(messageId)).toList();
    }

    /**
     * {@code {destination: {received, duplicates, rejected, failed, inFlightMax}}} plus a {@code total};
     * {@code inFlightMax} is the most attempts the destination was handling at once.
     */
    synchronized Map<String, Map<String, Long>> stats() {
        Map<String, Map<String, Long>> stats = new LinkedHashMap<>();
        Counts total = new Counts();
        counts.forEach((destination, c) -> {
            stats.put(destination, map(c));
            total.received += c.received;
            total.duplicates += c.duplicates;
            total.rejected += c.rejected;
            total.failed += c.failed;
        });
        stats.put("total", map(total));
        return stats;
    }

    private static Map<String, Long> map(Counts c) {
        Map<String, Long> map = new LinkedHashMap<>();
        map.put("received", c.received);
        map.put("duplicates", c.duplicates);
        map.put("rejected", c.rejected);
        map.put("failed", c.failed);
        map.put("inFlightMax", c.inFlightMax);
        return map;
    }

    private void keep(Entry entry) {
        byte[] body = entry.body().length > maxBody ? Arrays.copyOf(entry.body(), maxBody) : entry.body();
        entries.addLast(new Entry(entry.destination(), entry.messageId(), entry.receivedAt(), entry.headers(), body,
                entry.bodySize(), entry.outcome()));
        keptBytes += body.length;
        while (entries.size() > keep || keptBytes > maxBytes && entries.size() > 1) {
            keptBytes -= entries.removeFirst().body().length;
        }
    }

    private Counts counts(String destination) {
        return counts.computeIfAbsent(destination, d -> new Counts());
    }

    private Map<String, Integer> ids(String destination) {
        return seen.computeIfAbsent(destination, d -> new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
                return size() > rememberIds;
            }
        });
    }
}
