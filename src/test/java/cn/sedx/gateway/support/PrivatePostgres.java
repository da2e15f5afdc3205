package cn.sedx.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A PostgreSQL server of the test's own, for tests that stop and start the database (the shared server of
 * {@code SEDX_TEST_PG_URL} serves the other engineers' and tests' databases and is never restarted): a cluster made
 * by {@code initdb} in a fresh folder, run by {@code pg_ctl} on a free loopback port, user {@code sedx} with trust
 * authentication on loopback only. As root (CI), the server runs as the {@code postgres} user, as
 * {@code .ci/postgres.sh} runs the shared one. {@link BinariesAtHand} skips a test class without the Debian
 * {@code postgresql} package, except under CI, where it fails.
 */
public final class PrivatePostgres implements AutoCloseable {

    private static final String USER = "sedx";

    private final Path bin;
    private final Path data;
    private final int port;

    private PrivatePostgres(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    /** Makes a cluster in a fresh temporary folder and starts it. */
    public static PrivatePostgres start() throws IOException {
        Path bin = binaries().orElseThrow();
        Path data = Files.createTempDirectory("sedx-pg-");
        if (root()) {
            run(List.of("chown", "postgres:postgres", data.toString()), false);
        }
        PrivatePostgres server = new PrivatePostgres(bin, data.resolve("cluster"), Ports.free());
        server.pg("initdb", "-D", server.data.toString(), "-U", USER, "--auth=trust", "-E", "UTF8", "--no-sync");
        server.startAgain();
        return server;
    }

    /** Starts the stopped server on its port and waits until it takes connections. */
    public void startAgain() {
        pg("pg_ctl", "-D", data.toString(), "-l", data.resolveSibling("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + data.getParent(), "start");
    }

    /** Stops the server at once, as a crash would (immediate shutdown: recovery from the WAL on the next start). */
    public void stopImmediately() {
        pg("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String user() {
        return USER;
    }

    @Override
    public void close() throws IOException {
        try {
            pg("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
        } catch (AssertionError alreadyStopped) {
            // stopped by the test
        }
        try (Stream<Path> files = Files.walk(data.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private void pg(String program, String... arguments) {
        List<String> command = new ArrayList<>(List.of(bin.resolve(program).toString()));
        command.addAll(List.of(arguments));
        run(command, root());
    }

    private static void run(List<String> command, boolean asPostgres) {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean finished = process.waitFor(120, TimeUnit.SECONDS);
            assertThat(finished && process.exitValue() == 0).as("%s failed:%n%s", full, output).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The newest installed server's binaries, {@code /usr/lib/postgresql/<version>/bin}. */
    private static Optional<Path> binaries() {
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        try (Stream<Path> installed = Files.list(versions)) {
            return installed.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")) && Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparingInt(bin -> Integer.parseInt(bin.getParent().getFileName().toString()
                            .replaceAll("\\D.*", "0"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Skips the class, saying why, when no PostgreSQL server is installed; under CI it fails instead. */
    public static final class BinariesAtHand implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (binaries().isPresent()) {
                return ConditionEvaluationResult.enabled("PostgreSQL server binaries at hand");
            }
            String missing = "no PostgreSQL server under /usr/lib/postgresql: apt-get install postgresql (.ci/run does)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("under CI the multi-node tests must run, but " + missing);
            }
            return ConditionEvaluationResult.disabled(missing);
        }
    }
}
