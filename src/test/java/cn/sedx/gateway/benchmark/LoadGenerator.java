package cn.sedx.gateway.benchmark;

import cn.sedx.gateway.signing.Signer;
import cn.sedx.gateway.signing.SigningKeys;
import cn.sedx.gateway.signing.SigningSettings;
import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.SampleCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Load generator (a benchmark, not a test): posts personnel filings concurrently to a running gateway with its
 * simulators, then prints accepted/s, intake latency, end-to-end latency (202 → ACKNOWLEDGED, from the message
 * histories) and a bare SM2 sign loop on the same number of threads. See docs/benchmarks.md for the command.
 *
 * <p>Arguments: {@code base-url threads rate-per-second seconds [warm-up-seconds [intake-only]]} (rate 0 = as fast
 * as possible; warm-up 30 s by default: the same load, not measured, delivered before the measured run starts;
 * {@code intake-only} for a gateway that does not deliver: intake figures only).
 */
public final class LoadGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static int accepted;

    private LoadGenerator() {}

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        // intake-only: for a gateway started with --sedx.delivery.enabled=false, nothing is waited for after posting
        boolean intakeOnly = args.length > 5 && args[5].equals("intake-only");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        byte[] body = Fixtures.bytes("personnel-filing/valid-use-unit.json");
        if (warmUp > 0) {
            // the JIT compiles the hot paths in the first tens of seconds; on two cores that is a large share of CPU
            Phase warm = submit(http, base, body, threads, rate, warmUp);
            System.out.printf("warm-up: %d filings over %d s (not measured)%n", warm.ids.size(), warmUp);
            if (!intakeOnly) {
                awaitReceived(http, base, warm.ids.size());
            }
        }
        long before = intakeOnly ? 0 : received(http, base);
        Phase run = submit(http, base, body, threads, rate, seconds);
        List<Long> latencies = new ArrayList<>(run.intake.stream().map(ns -> ns / 1_000_000).toList());
        accepted = latencies.size();
        System.out.printf("submitted over %.1f s on %d threads (target %s/s): accepted %d (%.0f/s), refused %d%n",
                run.elapsed, threads, rate == 0 ? "max" : rate, latencies.size(), latencies.size() / run.elapsed,
                run.refused.get());
        System.out.printf("intake latency ms: p50 %d, p99 %d, max %d%n", pct(latencies, 50), pct(latencies, 99),
                pct(latencies, 100));
        if (!intakeOnly) {
            awaitReceived(http, base, before + accepted);
            endToEnd(http, base, sample(new ArrayList<>(run.ids), 300));
        }
        signLoop(threads, body);
    }

    /** What one submission phase produced. */
    private record Phase(ConcurrentLinkedQueue<Long> intake, ConcurrentLinkedQueue<String> ids, AtomicLong refused,
            double elapsed) {}

    private static Phase submit(HttpClient http, String base, byte[] body, int threads, int rate, int seconds)
            throws InterruptedException {
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
                    long n = ticket.getAndIncrement();
                    long due = rate == 0 ? System.nanoTime() : started + n * 1_000_000_000L / rate;
                    if (due >= end) {
                        return;
                    }
                    pace(due);
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                        URI.create(base + "/api/v1/personnel-filings"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + SampleCredentials.GD_PROVINCE_TOKEN)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
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
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return new Phase(intake, ids, refused, (System.nanoTime() - started) / 1e9);
    }

    /** Total deliveries the simulators received (an unauthenticated, cheap read). */
    private static long received(HttpClient http, String base) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/sim/stats")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("total").path("received").asLong();
    }

    /** Waits (at most 10 minutes) until the simulators have received {@code count} deliveries in all. */
    private static void awaitReceived(HttpClient http, String base, long count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (received(http, base) < count && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
    }

    private static void endToEnd(HttpClient http, String base, List<String> ids) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString((SampleCredentials.OPERATOR + ":"
                + SampleCredentials.OPERATOR_PASSWORD).getBytes(StandardCharsets.UTF_8));
        List<Long> latencies = new ArrayList<>();
        Instant firstReceived = null;
        Instant lastAcknowledged = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        for (String id : ids) {
            JsonNode message = null;
            while (System.nanoTime() < deadline) {
                message = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/messages/" + id))
                        .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
                if ("ACKNOWLEDGED".equals(message.path("state").asText())) {
                    break;
                }
                Thread.sleep(200);
            }
            Instant received = at(message, "RECEIVED");
            Instant acknowledged = at(message, "ACKNOWLEDGED");
            if (received != null && acknowledged != null) {
                latencies.add(Duration.between(received, acknowledged).toMillis());
                firstReceived = firstReceived == null || received.isBefore(firstReceived) ? received : firstReceived;
                lastAcknowledged = lastAcknowledged == null || acknowledged.isAfter(lastAcknowledged) ? acknowledged
                        : lastAcknowledged;
            }
        }
        double span = firstReceived == null ? 0 : Duration.between(firstReceived, lastAcknowledged).toMillis() / 1e3;
        System.out.printf("end to end (sample of %d): %d acknowledged; first 202 to last ACKNOWLEDGED %.1f s;"
                + " latency ms p50 %d, p99 %d, max %d%n", ids.size(), latencies.size(), span, pct(latencies, 50),
                pct(latencies, 99), pct(latencies, 100));
        System.out.printf("end-to-end rate: %d accepted / %.1f s = %.0f filings/s%n", accepted, span,
                span == 0 ? 0 : accepted / span);
    }

    private static void signLoop(int threads, byte[] body) throws InterruptedException {
        Signer signer = new SigningKeys(SigningSettings.defaults(), new DefaultResourceLoader(), Clock.systemUTC())
                .signer("gateway-sm2");
        AtomicLong signatures = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    signer.sign(body);
                    signatures.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        System.out.printf("bare SM2-SM3 sign loop, %d threads, %d-byte body: %.0f signatures/s%n", threads,
                body.length, signatures.get() / 10.0);
    }

    /** At most {@code size} ids spread evenly over the run, always including the last one submitted. */
    private static List<String> sample(List<String> ids, int size) {
        if (ids.size() <= size) {
            return ids;
        }
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < size - 1; i++) {
            sample.add(ids.get(i * ids.size() / size));
        }
        sample.add(ids.get(ids.size() - 1));
        return sample;
    }

    private static Instant at(JsonNode message, String state) {
        if (message == null) {
            return null;
        }
        for (JsonNode change : message.path("history")) {
            if (state.equals(change.path("state").asText())) {
                return Instant.parse(change.path("at").asText());
            }
        }
        return null;
    }

    private static void pace(long due) {
        long wait = due - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private static long pct(List<Long> values, int percentile) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
