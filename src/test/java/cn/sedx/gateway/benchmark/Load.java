package cn.sedx.gateway.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One submission phase of a benchmark: {@code threads} clients POST distinct personnel filings (the sample filing
 * with a numbered unit name) at a fixed rate (0 = as fast as they can) for a number of seconds, and keep the
 * intake latency (request to 202) and the message id of every accepted filing.
 */
final class Load {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SERIAL = new AtomicLong();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI target;
    private final String token;
    private final ObjectNode filing;

    Load(String base, String token, byte[] sampleFiling) throws java.io.IOException {
        this.target = URI.create(base + "/api/v1/personnel-filings");
        this.token = token;
        this.filing = (ObjectNode) JSON.readTree(sampleFiling);
    }

    /** What one phase produced. */
    record Result(List<Long> intakeNanos, List<String> ids, long refused, double seconds) {

        double acceptedPerSecond() {
            return ids.size() / seconds;
        }

        long intakeMillis(int percentile) {
            return percentile(intakeNanos, percentile) / 1_000_000;
        }
    }

    Result run(int threads, int rate, int seconds) throws InterruptedException {
        ConcurrentLinkedQueue<Long> intake = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        AtomicLong refused = new AtomicLong();
        long started = System.nanoTime();
        long end = started + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong ticket = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                while (true) {
                    long due = rate == 0 ? System.nanoTime() : started + ticket.getAndIncrement() * 1_000_000_000L / rate;
                    if (due >= end) {
                        return;
                    }
                    LockSupport.parkNanos(due - System.nanoTime());
                    submitOne(intake, ids, refused);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        return new Result(new ArrayList<>(intake), new ArrayList<>(ids), refused.get(),
                (System.nanoTime() - started) / 1e9);
    }

    private void submitOne(ConcurrentLinkedQueue<Long> intake, ConcurrentLinkedQueue<String> ids, AtomicLong refused) {
        ObjectNode body = filing.deepCopy();
        ((ObjectNode) body.get("unit")).put("name", "示范物业管理有限公司" + SERIAL.incrementAndGet());
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(target)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - sent;
            if (response.statusCode() == 202) {
                intake.add(took);
                ids.add(JSON.readTree(response.body()).get("messageId").asText());
            } else {
                refused.incrementAndGet();
            }
        } catch (Exception e) {
            refused.incrementAndGet();
        }
    }

    static long percentile(List<Long> values, int percentile) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
