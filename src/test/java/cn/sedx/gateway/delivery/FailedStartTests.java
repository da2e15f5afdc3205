package cn.sedx.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.SedxApplication;
import cn.sedx.gateway.support.FreshDataDirectory;
import cn.sedx.gateway.support.GatewayProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A start that fails after the delivery lanes and the broker began (here: a route that cannot be built, the last
 * step of the start) ends: the JVM exits with status 1 at once, so a supervisor (systemd) sees the failure and
 * restarts, instead of a half-started process that logs lost sessions forever and never serves.
 */
class FailedStartTests {

    @Test
    void theGatewaysJvmExitsWithStatus1AsSoonAsALateStepOfTheStartFails() throws IOException {
        Path dataDir = FreshDataDirectory.folder("failed-start");
        Path routes = brokenRoutes(dataDir);
        try (GatewayProcess gateway = GatewayProcess.launch("gateway", dataDir, List.of("-Xmx512m"),
                List.of("--sedx.routes.folder=" + routes), Map.of())) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> log(gateway).contains("Application run failed") || !gateway.isAlive());

            // well before Artemis's idle in-VM threads (60 s) would have let the JVM end by itself
            OptionalInt exit = gateway.awaitExit(Duration.ofSeconds(20));

            assertThat(exit).as("exit status of the failed start").hasValue(1);
            assertThat(log(gateway)).contains("no-such-component").doesNotContain("lost its session");
        }
    }

    /** Also when the gateway runs inside another program's JVM (the tests, an embedding): no lane is left running. */
    @Test
    void aStartThatFailsLateLeavesNoDeliveryLaneRunning() throws IOException {
        Path routes = brokenRoutes(FreshDataDirectory.folder("failed-start"));
        Set<Thread> before = Thread.getAllStackTraces().keySet();

        assertThatThrownBy(() -> new SpringApplicationBuilder(SedxApplication.class).run("--server.port=0",
                "--sedx.data-dir=" + FreshDataDirectory.folder("failed-start"),
                "--spring.artemis.embedded.server-id=4343", "--sedx.routes.folder=" + routes))
                .hasStackTraceContaining("no-such-component");

        // the gateway's own threads are named sedx-*; other gateways of this JVM (cached test contexts) keep theirs
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet()
                .stream().filter(t -> t.isAlive() && !t.isDaemon() && !before.contains(t))
                .map(Thread::getName).filter(name -> name.startsWith("sedx-")).sorted()
                .collect(Collectors.joining(", "))).as("threads of the failed start still running").isEmpty());
    }

    private static Path brokenRoutes(Path parent) throws IOException {
        Path routes = Files.createDirectories(parent.resolve("routes"));
        Files.writeString(routes.resolve("broken.camel.yaml"), """
                - route:
                    id: broken
                    from:
                      uri: "no-such-component:x"
                      steps:
                        - log: "never"
                """);
        return routes;
    }

    private static String log(GatewayProcess gateway) throws IOException {
        return Files.exists(gateway.log()) ? Files.readString(gateway.log()) : "";
    }
}
