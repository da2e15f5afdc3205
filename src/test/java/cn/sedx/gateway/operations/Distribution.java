package cn.sedx.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.support.Http;
import cn.sedx.gateway.support.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One installation of the distribution archive ({@code target/sedx-gateway-<version>.tar.gz}, made by
 * {@code mvn package}) in a folder of its own, driven through {@code bin/sedx} from another working directory, as
 * docs/install.md tells an operator to.
 */
final class Distribution {

    private static final Duration READY_WITHIN = Duration.ofMinutes(4);

    final Path home;
    final int port = Ports.free();
    private final Path elsewhere;
    private final Map<String, String> environment = new HashMap<>();

    private Distribution(Path home, Path elsewhere) {
        this.home = home;
        this.elsewhere = elsewhere;
    }

    /** Unpacks the archive below {@code folder}; {@code config/application.yaml} gets the port and {@code settings}. */
    static Distribution unpack(Path folder, String settings) throws IOException, InterruptedException {
        Path archive = Path.of(System.getProperty("sedx.distribution", "target/sedx-gateway.tar.gz"));
        assertThat(archive).as("built by mvn package").exists();
        Files.createDirectories(folder.resolve("install"));
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toAbsolutePath().toString(), "-C",
                folder.resolve("install").toString()).inheritIO().start();
        assertThat(tar.waitFor(2, TimeUnit.MINUTES) && tar.exitValue() == 0).as("tar -xzf").isTrue();
        Path home;
        try (var unpacked = Files.list(folder.resolve("install"))) {
            home = unpacked.findFirst().orElseThrow();
        }
        Distribution distribution = new Distribution(home, Files.createDirectories(folder.resolve("elsewhere")));
        Files.writeString(home.resolve("config/application.yaml"), "server:\n  port: " + distribution.port + "\n"
                + settings);
        return distribution;
    }

    Distribution with(String variable, String value) {
        environment.put(variable, value);
        return this;
    }

    /** Runs {@code bin/sedx arguments} from another folder, {@code input} on its standard input; waits for it. */
    Result sedx(String input, String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/sedx").toString()));
        command.addAll(List.of(arguments));
        try {
            Path output = Files.createTempFile(elsewhere, "sedx", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).directory(elsewhere.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("bin/sedx " + arguments[0] + " ended").isTrue();
            return new Result(process.exitValue(), Files.readString(output));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the gateway and waits until its readiness probe answers UP. */
    void start() {
        Result started = sedx("", "start");
        assertThat(started.status()).as(started.output()).isZero();
        awaitReady();
    }

    void awaitReady() {
        await().atMost(READY_WITHIN).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(sedx("", "status").status()).as("gateway exited; see " + log()).isZero();
            return readiness() == 200;
        });
    }

    int readiness() {
        try {
            return http().get("/actuator/health/readiness").statusCode();
        } catch (UncheckedIOException e) {
            return -1;
        }
    }

    Http http() {
        return new Http(port);
    }

    Path log() {
        return home.resolve("logs/sedx.log");
    }

    /** Stops the gateway if it runs; for clean-up. */
    void stopQuietly() {
        if (sedx("", "status").status() == 0) {
            sedx("", "stop");
        }
    }

    record Result(int status, String output) {}
}
