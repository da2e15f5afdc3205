package cn.sedx.gateway.benchmark;

import cn.sedx.gateway.SedxApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Start-up benchmark (not a test). Two modes, commands in docs/benchmarks.md:
 *
 * <ul>
 *   <li>{@code profile [data-dir]}: starts the gateway in this JVM with Spring's startup recorder and prints where
 *       the time goes: the slowest bean instantiations and the totals by package, to choose what to make lazy.
 *   <li>{@code launch <unpacked distribution home> <runs> [idle-seconds]}: starts {@code bin/sedx start} from the
 *       installation {@code runs} times and prints for each run the wall time from launch to readiness UP, the
 *       process's CPU seconds by then, and its resident memory after {@code idle-seconds} (default 60) of idling.
 *       The environment (SEDX_CDS, SEDX_JVM_OPTIONS, …) passes to {@code bin/sedx}.
 * </ul>
 */
public final class StartupBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private StartupBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("launch")) {
            launch(Path.of(args[1]), Integer.parseInt(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 60);
        } else {
            profile(args.length > 1 ? args[1] : Files.createTempDirectory("sedx-startup").toString());
        }
    }

    private static void profile(String dataDir) {
        SpringApplication application = new SpringApplication(SedxApplication.class);
        BufferingApplicationStartup recorder = new BufferingApplicationStartup(100_000);
        application.setApplicationStartup(recorder);
        long started = System.nanoTime();
        ConfigurableApplicationContext context = application.run("--server.port=0", "--sedx.data-dir=" + dataDir);
        long total = System.nanoTime() - started;
        StartupTimeline timeline = recorder.getBufferedTimeline();
        // a bean's own time: its instantiation less that of the beans it made on the way (its dependencies)
        Map<Long, Long> children = new java.util.HashMap<>();
        timeline.getEvents().forEach(e -> {
            if (e.getStartupStep().getParentId() != null) {
                children.merge(e.getStartupStep().getParentId(), e.getDuration().toMillis(), Long::sum);
            }
        });
        List<String[]> beans = new ArrayList<>();
        timeline.getEvents().stream().filter(e -> e.getStartupStep().getName().equals("spring.beans.instantiate"))
                .forEach(e -> beans.add(new String[] {String.valueOf(e.getDuration().toMillis()
                        - children.getOrDefault(e.getStartupStep().getId(), 0L)), String.valueOf(e.getDuration()
                        .toMillis()), tag(e, "beanName")}));
        beans.sort(Comparator.comparing((String[] b) -> Long.parseLong(b[0])).reversed());
        System.out.printf("context ready after %.2f s%n%nslowest beans, own time (inclusive):%n", total / 1e9);
        beans.stream().limit(30).forEach(b -> System.out.printf("  %6s ms (%6s)  %s%n", b[0], b[1], b[2]));
        Map<String, Long> steps = new TreeMap<>();
        timeline.getEvents().stream().filter(e -> !e.getStartupStep().getName().equals("spring.beans.instantiate"))
                .forEach(e -> steps.merge(e.getStartupStep().getName(), e.getDuration().toMillis(), Long::sum));
        System.out.println("\nother steps (ms, summed):");
        steps.forEach((name, ms) -> System.out.printf("  %6d ms  %s%n", ms, name));
        context.close();
    }

    private static String tag(StartupTimeline.TimelineEvent event, String key) {
        for (var tag : event.getStartupStep().getTags()) {
            if (tag.getKey().equals(key)) {
                return tag.getValue();
            }
        }
        return "?";
    }

    private static void launch(Path home, int runs, int idleSeconds) throws Exception {
        int port = port(home);
        System.out.printf("%-4s %10s %9s %10s  %s%n", "run", "ready (s)", "CPU (s)", "idle RSS",
                "CPU by thread at ready (s): main, JIT compilers, GC, other");
        for (int run = 1; run <= runs; run++) {
            long launched = System.nanoTime();
            sedx(home, "start");
            long pid = Long.parseLong(Files.readString(home.resolve("run/sedx.pid")).strip());
            while (!ready(port)) {
                if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    throw new IllegalStateException("the gateway exited; see " + home.resolve("logs/sedx.log"));
                }
                Thread.sleep(50);
            }
            double ready = (System.nanoTime() - launched) / 1e9;
            double cpu = cpuSeconds(Path.of("/proc", String.valueOf(pid), "stat"));
            Map<String, Double> threads = threadCpu(pid);
            Thread.sleep(TimeUnit.SECONDS.toMillis(idleSeconds));
            System.out.printf("%-4d %10.2f %9.2f %7d MiB  %.2f, %.2f, %.2f, %.2f%n", run, ready, cpu,
                    rssKib(pid) / 1024, threads.getOrDefault("main", 0.0), threads.getOrDefault("jit", 0.0),
                    threads.getOrDefault("gc", 0.0), threads.getOrDefault("other", 0.0));
            sedx(home, "stop");
        }
    }

    private static int port(Path home) throws IOException {
        for (String line : Files.readAllLines(home.resolve("config/application.yaml"))) {
            if (line.strip().startsWith("port:")) {
                return Integer.parseInt(line.strip().substring(5).strip());
            }
        }
        throw new IllegalStateException("config/application.yaml of " + home + " sets no server.port");
    }

    private static void sedx(Path home, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", home.resolve("bin/sedx").toString(), command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("bin/sedx " + command + " failed");
        }
    }

    private static boolean ready(int port) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * CPU seconds of the process's threads by kind: the main thread (the start-up's critical path), the JIT
     * compiler threads, the garbage collector's, and every other thread (broker, pools, timers).
     */
    private static Map<String, Double> threadCpu(long pid) throws IOException {
        Map<String, Double> byKind = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String name = Files.readString(task.resolve("comm")).strip();
                String kind = name.equals("java") ? "main" : name.contains("CompilerThre") ? "jit"
                        : name.startsWith("GC ") || name.startsWith("G1 ") || name.startsWith("VM Thread") ? "gc"
                        : "other";
                try {
                    byKind.merge(kind, cpuSeconds(task.resolve("stat")), Double::sum);
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return byKind;
    }

    /** User plus system CPU of a process or thread, from its /proc stat file (clock ticks of 1/100 s). */
    private static double cpuSeconds(Path statFile) throws IOException {
        String stat = Files.readString(statFile);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static long rssKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
