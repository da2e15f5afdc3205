package cn.sedx.gateway.benchmark;

import cn.sedx.gateway.support.ArtemisBroker;
import cn.sedx.gateway.support.ClusterArguments;
import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.GatewayProcess;
import cn.sedx.gateway.support.PrivatePostgres;
import cn.sedx.gateway.support.SampleCredentials;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * CPU per filing of a gateway cluster as docs/scale-out.md deploys it, on this machine: {@code nodes} gateway JVMs
 * on a PostgreSQL server of their own ({@link PrivatePostgres}) and the Artemis primary/backup pair made by
 * {@code deploy/artemis/create-broker.sh}, the simulators a JVM of their own, each node loaded by its own clients
 * at {@code rate}/{@code nodes} filings per second. Prints, after a warm-up, the CPU per delivered filing of the
 * nodes (all of them, and each) and of the two brokers, read from the operating system.
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) cn.sedx.gateway.benchmark.ScaleOutBenchmark \
 *   nodes=2 rate=100 warmup=30 seconds=60
 * </pre>
 */
public final class ScaleOutBenchmark {

    private static final String USER = "sedx-gateway";
    private static final String PASSWORD = UUID.randomUUID().toString();

    private ScaleOutBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = new java.util.HashMap<>(Map.of("nodes", 2, "rate", 100, "warmup", 30,
                "seconds", 60, "threads", 4));
        for (String arg : args) {
            options.put(arg.substring(0, arg.indexOf('=')), Integer.parseInt(arg.substring(arg.indexOf('=') + 1)));
        }
        Path work = Path.of("target", "bench", "scale-out-" + UUID.randomUUID()).toAbsolutePath();
        List<GatewayProcess> nodes = new ArrayList<>();
        try (PrivatePostgres database = PrivatePostgres.start()) {
            try (ArtemisBroker.Pair pair = ArtemisBroker.startPair(work, USER, PASSWORD);
                    GatewayProcess simulators = GatewayProcess.start("simulators", work.resolve("simulators"),
                            List.of("-Xmx512m"), List.of("--spring.profiles.active=simulator"), Map.of(),
                            Duration.ofMinutes(3))) {
                ArtemisBroker primary = pair.primary();
                ArtemisBroker backup = pair.backup();
                List<String> arguments = ClusterArguments.node(simulators.port(), database, pair, USER, PASSWORD,
                        ClusterArguments.storeKey());
                try {
                    List<CompletableFuture<GatewayProcess>> starting = new ArrayList<>();
                    for (int i = 0; i < options.get("nodes"); i++) {
                        String name = "node-" + i;
                        starting.add(CompletableFuture.supplyAsync(() -> GatewayProcess.start(name,
                                work.resolve(name), List.of("-Xmx512m"), arguments, Map.of(), Duration.ofMinutes(5))));
                    }
                    starting.forEach(node -> nodes.add(node.join()));
                    measure(nodes, primary, backup, simulators, options);
                } finally {
                    // before the brokers go: a node stopping while no broker answers waits in its reconnect loop
                    nodes.forEach(GatewayProcess::stop);
                }
            }
        }
        System.exit(0);
    }

    /** Warms the cluster up, then loads it and prints the CPU per filing of the nodes and the brokers. */
    private static void measure(List<GatewayProcess> nodes, ArtemisBroker primary, ArtemisBroker backup,
            GatewayProcess simulators, Map<String, Integer> options) throws Exception {
        DeliveryBenchmark.Received received = new DeliveryBenchmark.Received(simulators.http());
        System.out.printf("SEDX scale-out benchmark %s: %s, %d cores%n", Instant.now(), options,
                Runtime.getRuntime().availableProcessors());
        load(nodes, received, options, options.get("warmup"));
        List<Duration> before = nodes.stream().map(GatewayProcess::cpu).toList();
        Duration brokersBefore = primary.cpu().plus(backup.cpu());
        int filings = load(nodes, received, options, options.get("seconds"));
        Duration brokers = primary.cpu().plus(backup.cpu()).minus(brokersBefore);
        double all = 0;
        for (int i = 0; i < nodes.size(); i++) {
            double ms = nodes.get(i).cpu().minus(before.get(i)).toNanos() / 1e6;
            all += ms;
            System.out.printf("node %d: %.0f ms of CPU, %.2f ms per filing of the cluster%n", i, ms,
                    ms / filings);
        }
        System.out.printf("%d filings delivered at %d/s offered: nodes together %.2f ms per filing,"
                + " brokers (primary + backup) %.2f ms per filing%n", filings, options.get("rate"),
                all / filings, brokers.toNanos() / 1e6 / filings);
    }

    /** Loads every node at its share of the rate for {@code seconds}; returns how many were delivered. */
    private static int load(List<GatewayProcess> nodes, DeliveryBenchmark.Received received,
            Map<String, Integer> options, int seconds) throws Exception {
        long start = received.total();
        List<CompletableFuture<Load.Result>> runs = new ArrayList<>();
        for (GatewayProcess node : nodes) {
            Load load = new Load("http://127.0.0.1:" + node.port(), SampleCredentials.GD_PROVINCE_TOKEN,
                    Fixtures.bytes("personnel-filing/valid-use-unit.json"));
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return load.run(options.get("threads"), options.get("rate") / nodes.size(), seconds);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        int accepted = runs.stream().mapToInt(run -> run.join().ids().size()).sum();
        received.await(start + accepted, Duration.ofMinutes(15));
        return accepted;
    }
}
