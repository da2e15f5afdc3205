package cn.sedx.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.SedxApplication;
import cn.sedx.gateway.support.FreshDataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A start that fails after the delivery lanes and the broker began (here: a route that cannot be built, the last
 * step of the start) leaves no thread of the gateway behind, so the JVM exits and a supervisor (systemd) sees the
 * failure and restarts, instead of a half-started process that logs lost sessions forever and never serves.
 */
class FailedStartTests {

    /**
     * Artemis's in-VM connector runs on a static cached pool shared by every in-VM connection of the JVM; its idle
     * threads end by themselves after 60 s (ThreadPoolExecutor keep-alive), so they delay the exit, never prevent it.
     */
    private static final String IN_VM_POOL = "(org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnector)";

    @Test
    void aStartThatFailsLateLeavesNoThreadThatKeepsTheJvmAlive() throws Exception {
        Path routes = Files.createDirectories(FreshDataDirectory.folder("broken-routes"));
        Files.writeString(routes.resolve("broken.camel.yaml"), """
                - route:
                    id: broken
                    from:
                      uri: "no-such-component:x"
                      steps:
                        - log: "never"
                """);
        Set<Thread> before = liveThreads();

        assertThatThrownBy(() -> new SpringApplicationBuilder(SedxApplication.class).run("--server.port=0",
                "--sedx.data-dir=" + FreshDataDirectory.folder("failed-start"),
                "--spring.artemis.embedded.server-id=4343", "--sedx.routes.folder=" + routes))
                .hasStackTraceContaining("no-such-component");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(names(leftBehind(before)))
                .as("non-daemon threads started by the failed start").isEmpty());
    }

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet();
    }

    private static List<Thread> leftBehind(Set<Thread> before) {
        return liveThreads().stream().filter(t -> t.isAlive() && !t.isDaemon() && !before.contains(t)
                && !t.getName().startsWith("awaitility") && !t.getName().endsWith(IN_VM_POOL)).toList();
    }

    private static String names(List<Thread> threads) {
        return threads.stream().map(Thread::getName).sorted().collect(Collectors.joining(", "));
    }
}
