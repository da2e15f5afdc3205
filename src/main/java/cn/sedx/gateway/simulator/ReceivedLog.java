package cn.sedx.gateway.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the simulated platforms received: the last attempts with their exact bytes (bounded), the message ids
 * seen per destination (bounded, to spot duplicates) and counters per destination. Thread-safe.
 */
class ReceivedLog {

    /**
     * One delivery attempt as received.
     *
     * @param outcome RECEIVED, DUPLICATE or REJECTED
     */
    record Entry(String destination, String messageId, Instant receivedAt, Map<String, String> headers,
            byte[] body, String outcome) {}

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
    private final Deque<Entry> entries = new ArrayDeque<>();
    private final Map<String, Set<String>> seen = new ConcurrentHashMap<>();
    private final Map<String, Counts> counts = new TreeMap<>();

    ReceivedLog(int keep, int rememberIds) {
        this.keep = keep;
        this.rememberIds = rememberIds;
    }

    /** Records a verified attempt; returns true when the message id was new for the destination. */
    synchronized boolean accept(Entry entry) {
        boolean first = ids(entry.destination()).add(entry.messageId());
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
        entries.addLast(entry);
        while (entries.size() > keep) {
            entries.removeFirst();
        }
    }

    private Counts counts(String destination) {
        return counts.computeIfAbsent(destination, d -> new Counts());
    }

    private Set<String> ids(String destination) {
        return seen.computeIfAbsent(destination, d -> Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > rememberIds;
            }
        }));
    }
}
