package cn.sedx.gateway.benchmark;

import cn.sedx.gateway.signing.SigningKeys;
import cn.sedx.gateway.signing.SigningSettings;
import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.GatewayProcess;
import cn.sedx.gateway.support.Http;
import cn.sedx.gateway.support.SampleCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.util.FileSystemUtils;

/**
 * The delivery benchmark (not a test): starts a gateway on its embedded defaults in a JVM of its own (H2 or a local
 * PostgreSQL, the simulators in-process or as a third JVM), drives it over HTTP from this JVM and prints, per phase,
 * accepted/s, intake p50/p99, end-to-end/s and p50/p99 (202 to ACKNOWLEDGED, from the message histories), the
 * gateway's CPU per delivered filing read from the operating system, where that CPU went by thread group, and the
 * cryptographic floor measured in this JVM in the same run. Commands and figures: docs/benchmarks.md.
 *
 * <p>Arguments, all optional, as {@code name=value}: {@code store=h2|postgresql}, {@code simulators=in-process|
 * separate}, {@code threads=16}, {@code warmup=30} (s), {@code seconds=60}, {@code steady=300} (filings/s),
 * {@code peak=0} (filings/s; 0 = as fast as the clients go; -1 skips the phase), {@code csv=100000} (records of the
 * batch-file phase; 0 skips it), {@code heap=512m}, {@code pg-url=jdbc:postgresql://127.0.0.1:5432/sedx_bench},
 * {@code pg-user=sedx}, {@code pg-password=sedx-test-only}, {@code jfr=1} (a flight recording of the gateway in its
 * data folder), {@code jvm-options=src/dist/config/jvm.options} (the gateway JVM's options, as {@code bin/sedx} ships
 * them, but the heap's; {@code none} for the JVM's defaults).
 */
public final class DeliveryBenchmark {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Provider BC = new BouncyCastleProvider();

    private final Map<String, String> options;
    private final Path dataDir;
    private GatewayProcess gateway;
    private GatewayProcess simulators;
    private Received received;

    private DeliveryBenchmark(Map<String, String> options) {
        this.options = options;
        this.dataDir = Path.of("target", "bench", LocalDateTime.now().format(DateTimeFormatter.ofPattern(
                "yyyyMMdd-HHmmss"))).toAbsolutePath();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            options.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        DeliveryBenchmark benchmark = new DeliveryBenchmark(options);
        // stopped by a signal (Ctrl-C, kill), the benchmark stops its gateway too: left running, it would load the
        // machine under the next run's figures
        Thread stopOnSignal = new Thread(benchmark::stop, "stop-gateway");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        try {
            benchmark.run();
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopOnSignal);
            benchmark.stop();
        }
        System.exit(0);
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private int number(String name, int fallback) {
        return Integer.parseInt(option(name, String.valueOf(fallback)));
    }

    private void run() throws Exception {
        System.out.printf("SEDX delivery benchmark %s: %s%n", Instant.now(), options);
        System.out.printf("machine: %d cores, %s %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        start();
        Load load = new Load("http://127.0.0.1:" + gateway.port(), SampleCredentials.GD_PROVINCE_TOKEN,
                Fixtures.bytes("personnel-filing/valid-use-unit.json"));
        int threads = number("threads", 16);
        int seconds = number("seconds", 60);
        int warmup = number("warmup", 30);
        if (warmup > 0) {
            Load.Result warm = load.run(threads, number("steady", 300), warmup);
            received.await(warm.ids().size(), Duration.ofMinutes(15));
            System.out.printf("warm-up: %d filings in %d s, delivered (not measured)%n", warm.ids().size(), warmup);
        }
        List<Figures> phases = new ArrayList<>();
        phases.add(phase("steady", load, threads, number("steady", 300), seconds));
        if (number("peak", 0) >= 0) {
            phases.add(phase("peak", load, threads, number("peak", 0), seconds));
        }
        if (number("csv", 100_000) > 0) {
            phases.add(new BatchPhase(gateway, received, dataDir, number("csv", 100_000),
                    option("store", "h2").equals("postgresql")).run());
        }
        Floor floor = Floor.measure(Duration.ofSeconds(10));
        report(phases, floor);
    }

    private void start() throws IOException {
        boolean separate = option("simulators", "in-process").equals("separate");
        Map<String, String> environment = new HashMap<>();
        List<String> arguments = new ArrayList<>();
        if (option("store", "h2").equals("postgresql")) {
            String url = option("pg-url", "jdbc:postgresql://127.0.0.1:5432/sedx_bench");
            PostgresCpu.clean(url, option("pg-user", "sedx"), option("pg-password", "sedx-test-only"));
            environment.put("SEDX_DB_URL", url);
            environment.put("SEDX_DB_USER", option("pg-user", "sedx"));
            environment.put("SEDX_DB_PASSWORD", option("pg-password", "sedx-test-only"));
        }
        List<String> jvm = new ArrayList<>(shippedJvmOptions(option("jvm-options", "src/dist/config/jvm.options")));
        jvm.addAll(List.of("-Xmx" + option("heap", "512m"), "-Xlog:gc:file=" + dataDir.resolve("gc.log")));
        if (options.containsKey("jfr")) {
            // a sampling profile of the whole run beside the CPU figures: jfr print --events jdk.ExecutionSample
            jvm.add("-XX:StartFlightRecording=settings=profile,filename=" + dataDir.resolve("gateway.jfr"));
        }
        if (separate) {
            simulators = GatewayProcess.start("simulators", dataDir.resolve("simulators"), List.of("-Xmx512m"),
                    List.of("--spring.profiles.active=simulator"), Map.of(), Duration.ofMinutes(3));
            arguments.add("--sedx.simulator.enabled=false");
            Map.of("province-44", "provincial", "province-11", "provincial", "national-platform", "national",
                    "document-exchange", "national").forEach((name, kind) -> arguments.add(
                            "--sedx.delivery.destinations." + name + ".url=http://127.0.0.1:" + simulators.port()
                                    + "/sim/" + kind + "/" + name));
        }
        gateway = GatewayProcess.start("gateway", dataDir, jvm, arguments, environment, Duration.ofMinutes(3));
        received = new Received(separate ? simulators.http() : gateway.http());
        System.out.printf("gateway pid %d on port %d (%s store, simulators %s), data in %s%n", gateway.pid(),
                gateway.port(), option("store", "h2"), separate ? "pid " + simulators.pid() : "in-process", dataDir);
    }

    /**
     * The options of a {@code config/jvm.options} file as {@code bin/sedx} reads it (one or more per line, {@code #}
     * starts a comment), but the heap's, which {@code heap=} sets; none for {@code none}.
     */
    static List<String> shippedJvmOptions(String file) throws IOException {
        if (file.equals("none")) {
            return List.of();
        }
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(file))) {
            String text = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            for (String option : text.trim().split("\\s+")) {
                if (!option.isEmpty() && !option.startsWith("-Xmx") && !option.startsWith("-Xms")) {
                    options.add(option);
                }
            }
        }
        System.out.printf("gateway JVM options from %s: %s%n", file, String.join(" ", options));
        return options;
    }

    private PhaseFigures phase(String name, Load load, int threads, int rate, int seconds) throws Exception {
        long before = received.total();
        Measure measure = Measure.start(gateway, simulators, option("store", "h2").equals("postgresql"));
        Load.Result result = load.run(threads, rate, seconds);
        received.await(before + result.ids().size(), Duration.ofMinutes(20));
        Measure.Spent spent = measure.stop();
        EndToEnd endToEnd = EndToEnd.of(gateway.http().bearer(SampleCredentials.GD_PROVINCE_TOKEN), result.ids());
        return new PhaseFigures(name, rate, result, endToEnd, spent, HeapLog.largest(dataDir.resolve("gc.log")));
    }

    private void report(List<Figures> phases, Floor floor) {
        System.out.printf("%ncryptographic floor (this JVM, one thread's CPU time, bare BouncyCastle engines"
                + " initialised once, 2 x (SM2-SM3 sign + verify)): %.3f ms per delivery (one sign + verify: %.3f ms)%n",
                floor.perDelivery(), floor.perDelivery() / 2);
        for (Figures phase : phases) {
            phase.print(floor);
        }
        System.out.printf("%ngateway resident set at the end: %d MiB%n", gateway.residentBytes() >> 20);
    }

    private void stop() {
        if (gateway != null) {
            gateway.stop();
        }
        if (simulators != null) {
            simulators.stop();
        }
        discardStores();
    }

    /** Deletes the stores a run leaves (gigabytes after a long run), keeping its logs and flight recording. */
    private void discardStores() {
        try (var entries = Files.list(dataDir)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.endsWith(".log") && !name.endsWith(".jfr")) {
                    FileSystemUtils.deleteRecursively(entry);
                }
            }
        } catch (java.io.IOException e) {
            System.err.println("could not clean " + dataDir + ": " + e);
        }
    }

    /** Deliveries the simulators have received in all (unique message ids per destination). */
    record Received(Http http) {

        long total() {
            try {
                return JSON.readTree(http.get("/sim/stats").body()).path("total").path("received").asLong();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        void await(long count, Duration atMost) {
            org.awaitility.Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(200))
                    .until(() -> total() >= count);
        }
    }

    /** End-to-end latency (RECEIVED to ACKNOWLEDGED, server clocks) of a sample of the phase's filings. */
    record EndToEnd(List<Long> latencyMillis, double seconds, int count) {

        static EndToEnd of(Http http, List<String> ids) throws java.io.IOException {
            List<Long> latencies = new ArrayList<>();
            Instant first = null;
            Instant last = null;
            int step = Math.max(1, ids.size() / 400);
            for (int i = 0; i < ids.size(); i += step) {
                JsonNode message = JSON.readTree(http.get("/api/v1/messages/" + ids.get(i)).body());
                Instant receivedAt = at(message, "RECEIVED");
                Instant acknowledged = at(message, "ACKNOWLEDGED");
                if (receivedAt == null || acknowledged == null) {
                    continue;
                }
                latencies.add(Duration.between(receivedAt, acknowledged).toMillis());
                first = first == null || receivedAt.isBefore(first) ? receivedAt : first;
                last = last == null || acknowledged.isAfter(last) ? acknowledged : last;
            }
            double span = first == null ? 0 : Duration.between(first, last).toMillis() / 1e3;
            return new EndToEnd(latencies, span, ids.size());
        }

        private static Instant at(JsonNode message, String state) {
            for (JsonNode change : message.path("history")) {
                if (state.equals(change.path("state").asText())) {
                    return Instant.parse(change.path("at").asText());
                }
            }
            return null;
        }

        double perSecond() {
            return seconds == 0 ? 0 : count / seconds;
        }
    }

    /** The figures of one phase, printed together at the end. */
    interface Figures {
        void print(Floor floor);
    }

    /** The figures of one HTTP phase. */
    record PhaseFigures(String name, int rate, Load.Result intake, EndToEnd endToEnd, Measure.Spent spent,
            String heap) implements Figures {

        @Override
        public void print(Floor floor) {
            int filings = intake.ids().size();
            System.out.printf("%n== %s: %s filings/s target, %d accepted in %.1f s (%.0f/s), %d refused%n", name,
                    rate == 0 ? "max" : String.valueOf(rate), filings, intake.seconds(), intake.acceptedPerSecond(),
                    intake.refused());
            System.out.printf("intake latency ms: p50 %d, p99 %d, max %d%n", intake.intakeMillis(50),
                    intake.intakeMillis(99), intake.intakeMillis(100));
            System.out.printf("end to end: %.0f filings/s (first 202 to last ACKNOWLEDGED of a sample), latency ms"
                    + " p50 %d, p99 %d%n", endToEnd.perSecond(), Load.percentile(endToEnd.latencyMillis(), 50),
                    Load.percentile(endToEnd.latencyMillis(), 99));
            spent.print(filings, floor);
            System.out.printf("largest heap after a GC: %s%n", heap);
        }
    }

    /**
     * The crypto one delivery needs, measured bare: two SM2-SM3 sign + verify pairs on one thread, with BouncyCastle
     * engines initialised once (no code of the gateway's), in CPU time of that thread (so other processes on the
     * machine do not inflate it).
     */
    record Floor(double perDelivery) {

        private static boolean isKey(KeyStore store, String alias) {
            try {
                return store.isKeyEntry(alias);
            } catch (java.security.KeyStoreException e) {
                return false;
            }
        }

        static Floor measure(Duration duration) throws Exception {
            X509Certificate certificate = new SigningKeys(SigningSettings.defaults(), new DefaultResourceLoader(),
                    Clock.systemUTC()).signer("gateway-sm2").certificate();
            KeyStore store = KeyStore.getInstance("PKCS12", BC);
            try (InputStream in = Files.newInputStream(Path.of("certs-sample", "gateway-sm2.p12"))) {
                store.load(in, "sedx-sample".toCharArray());
            }
            String alias = java.util.Collections.list(store.aliases()).stream().filter(a -> isKey(store, a))
                    .findFirst().orElseThrow();
            PrivateKey key = (PrivateKey) store.getKey(alias, "sedx-sample".toCharArray());
            Signature sign = engine();
            sign.initSign(key);
            Signature verify = engine();
            verify.initVerify(certificate.getPublicKey());
            byte[] body = Fixtures.bytes("personnel-filing/valid-use-unit.json");
            byte[] receipt = Arrays.copyOf(body, 300);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long end = System.nanoTime() + duration.toNanos();
            long cpu = threads.getCurrentThreadCpuTime();
            int rounds = 0;
            while (System.nanoTime() < end) {
                for (byte[] data : new byte[][] {body, receipt}) {
                    sign.update(data);
                    byte[] signature = sign.sign();
                    verify.update(data);
                    if (!verify.verify(signature)) {
                        throw new IllegalStateException("the floor's own signature does not verify");
                    }
                }
                rounds++;
            }
            return new Floor((threads.getCurrentThreadCpuTime() - cpu) / 1e6 / rounds);
        }

        private static Signature engine() throws Exception {
            Signature engine = Signature.getInstance("SM3withSM2", BC);
            engine.setParameter(new SM2ParameterSpec("1234567812345678".getBytes(StandardCharsets.US_ASCII)));
            return engine;
        }
    }

    static Map<String, Double> top(Map<String, Double> groups, int count) {
        Map<String, Double> top = new LinkedHashMap<>();
        groups.entrySet().stream().limit(count).forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }
}
