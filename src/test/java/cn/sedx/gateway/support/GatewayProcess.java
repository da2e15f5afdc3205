package cn.sedx.gateway.support;

import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.SedxApplication;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A gateway (or the simulators, with {@code --spring.profiles.active=simulator}) in a JVM of its own, on this
 * machine's loopback: started with the test class path, waited for until its health answers UP, killed with
 * SIGKILL or stopped with SIGTERM, and measured (its CPU time, read from the operating system).
 */
public final class GatewayProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final Path log;

    private GatewayProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts a JVM running {@link SedxApplication} and waits (at most {@code ready}) until its health is UP.
     *
     * @param jvmOptions  options before the class path, e.g. {@code -Xmx512m}
     * @param arguments   Spring arguments ({@code --name=value}); {@code --server.port} and {@code --sedx.data-dir}
     *                    are added
     * @param environment extra environment variables (e.g. {@code SEDX_DB_URL})
     * @param dataDir     the data folder; its {@code <name>.log} receives the output
     */
    public static GatewayProcess start(String name, Path dataDir, List<String> jvmOptions, List<String> arguments,
            Map<String, String> environment, Duration ready) {
        GatewayProcess gateway = launch(name, dataDir, jvmOptions, arguments, environment);
        gateway.awaitHealthy(ready);
        return gateway;
    }

    /** Starts the JVM as {@link #start} does, without waiting for anything. */
    public static GatewayProcess launch(String name, Path dataDir, List<String> jvmOptions, List<String> arguments,
            Map<String, String> environment) {
        int port = Ports.free();
        Path log = dataDir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SedxApplication.class.getName(),
                "--server.port=" + port, "--sedx.data-dir=" + dataDir));
        command.addAll(arguments);
        try {
            Files.createDirectories(dataDir);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            return new GatewayProcess(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the process answers UP on its health endpoint; fails at once if it exits. */
    public void awaitHealthy(Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("JVM exited with " + process.exitValue() + "; see " + log);
            }
            return healthy();
        });
    }

    private boolean healthy() {
        try {
            String body = new Http(port).get("/actuator/health").body();
            return "UP".equals(JSON.readTree(body).path("status").asText());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    public Http http() {
        return new Http(port);
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    /** CPU time (user + system, all threads) the process has used so far. */
    public Duration cpu() {
        return process.toHandle().info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("the OS does not report the CPU time of " + pid()));
    }

    /** Resident set size in bytes, from /proc (Linux). */
    public long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS for " + pid());
    }

    /** SIGKILL, and waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM (a graceful stop), and waits until the process is gone. */
    public void stop() {
        process.destroy();
        waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits (at most {@code atMost}) until the process ends by itself; its exit code, or empty if it still runs. */
    public OptionalInt awaitExit(Duration atMost) {
        try {
            return process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS) ? OptionalInt.of(
                    process.exitValue()) : OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    private void waitFor() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
