package cn.sedx.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientRequestor;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.utils.VersionLoader;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A standalone broker of the real Artemis distribution (the version the gateway's client comes in), created by
 * {@code deploy/artemis/create-broker.sh} as docs/delivery.md and docs/scale-out.md say, run in a process of its own
 * on loopback, killed with SIGKILL, and read through its management address. The distribution comes from
 * {@code target/artemis} (copied there by the build) or the local Maven repository; {@link DistributionAtHand}
 * skips a test class without it, except under CI, where it fails.
 */
public final class ArtemisBroker implements AutoCloseable {

    /** The distribution of the Artemis version the gateway's client (and embedded broker) comes in. */
    public static final String VERSION = VersionLoader.getVersion().getFullVersion();
    private static final String ARCHIVE = "apache-artemis-" + VERSION + "-bin.tar.gz";
    private static final Path HOME = Path.of("target", "artemis", "apache-artemis-" + VERSION).toAbsolutePath();

    private final Path work;
    private final Path instance;
    private final int port;
    private final String user;
    private final String password;
    private Process process;

    private ArtemisBroker(Path work, int port, String user, String password) {
        this.work = work;
        this.instance = work.resolve("instance");
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /**
     * Creates an instance in {@code work} with the script, for {@code user} and {@code password}, listening on
     * {@code port}; {@code environment} adds the script's other variables (the HA role of a pair).
     */
    public static ArtemisBroker create(Path work, int port, String user, String password,
            Map<String, String> environment) throws Exception {
        ArtemisBroker broker = new ArtemisBroker(work, port, user, password);
        broker.runScript(password, environment, "create.log");
        return broker;
    }

    /** A primary and its backup on loopback, made by the script as docs/scale-out.md "Broker pair" says. */
    public record Pair(ArtemisBroker primary, ArtemisBroker backup) implements AutoCloseable {

        /** The gateway's URL for the pair: both brokers, {@code ha=true}, reconnecting for as long as it takes. */
        public String url() {
            return "(" + primary.url() + "," + backup.url() + ")?ha=true&reconnectAttempts=-1";
        }

        @Override
        public void close() throws InterruptedException {
            primary.kill();
            backup.kill();
        }
    }

    /**
     * Creates a primary/backup pair in {@code work} on two free ports, starts the primary, then the backup, and
     * waits until the backup has synchronised with the primary.
     */
    public static Pair startPair(Path work, String user, String password) throws Exception {
        int primaryPort = Ports.free();
        int backupPort = Ports.free();
        String cluster = UUID.randomUUID().toString();
        ArtemisBroker primary = create(work.resolve("primary"), primaryPort, user, password, Map.of("ARTEMIS_HA",
                "primary", "ARTEMIS_PEER", "tcp://127.0.0.1:" + backupPort, "ARTEMIS_CLUSTER_PASSWORD", cluster));
        ArtemisBroker backup = create(work.resolve("backup"), backupPort, user, password, Map.of("ARTEMIS_HA",
                "backup", "ARTEMIS_PEER", "tcp://127.0.0.1:" + primaryPort, "ARTEMIS_CLUSTER_PASSWORD", cluster));
        primary.start(true);
        backup.start(false);
        primary.awaitReplicated(Duration.ofMinutes(2));
        return new Pair(primary, backup);
    }

    /** Waits until a backup has synchronised with this (active) broker and replicates it. */
    public void awaitReplicated(Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(500))
                .until(() -> Boolean.TRUE.equals(manage(ResourceNames.BROKER, "replicaSync")));
    }

    /** Runs the script on the existing instance again, with {@code password} as the one it is given. */
    public void runScriptAgain(String password, String logName) throws Exception {
        runScript(password, Map.of(), logName);
    }

    private void runScript(String password, Map<String, String> environment, String logName) throws Exception {
        ProcessBuilder create = new ProcessBuilder("sh", "deploy/artemis/create-broker.sh", home().toString(),
                instance.toString(), String.valueOf(port), user);
        create.environment().put("ARTEMIS_PASSWORD", password);
        create.environment().putAll(environment);
        run(create, work.resolve(logName));
    }

    /** Starts the instance; with {@code active}, waits until it accepts clients. */
    public void start(boolean active) throws IOException {
        Path log = log();
        Process started = withJava(new ProcessBuilder(instance.resolve("bin/artemis").toString(), "run"))
                .redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile())).start();
        process = started;
        if (active) {
            awaitActive(Duration.ofSeconds(120));
        }
    }

    /** Waits until the broker accepts clients (a backup: until it took over). */
    public void awaitActive(Duration atMost) {
        Process running = process;
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertThat(running.isAlive()).as("the broker exited; see " + log()).isTrue();
            return accepts();
        });
    }

    /** SIGKILL to the broker and its children; waits until it is gone. */
    public void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("broker %d still runs", process.pid()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
        process = null;
    }

    /** CPU time (user + system, the broker JVM and its launcher) used so far. */
    public Duration cpu() {
        Duration total = Duration.ZERO;
        for (ProcessHandle handle : Stream.concat(Stream.of(process.toHandle()),
                process.descendants()).toList()) {
            total = total.plus(handle.info().totalCpuDuration().orElse(Duration.ZERO));
        }
        return total;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Whether the broker's acceptor takes connections (a passive backup's does not). */
    public boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path instance() {
        return instance;
    }

    public Path log() {
        return work.resolve("broker.log");
    }

    /** Reads an attribute of a broker resource, or invokes an operation on it, through the management address. */
    public Object manage(String resource, String name, Object... parameters) throws Exception {
        try (ServerLocator locator = ActiveMQClient.createServerLocator(url());
                ClientSessionFactory factory = locator.createSessionFactory();
                ClientSession session = factory.createSession(user, password, false, true, true, false, 0);
                ClientRequestor requestor = new ClientRequestor(session, "activemq.management")) {
            session.start();
            ClientMessage request = session.createMessage(false);
            if (parameters.length == 0) {
                ManagementHelper.putAttribute(request, resource, name);
            } else {
                ManagementHelper.putOperationInvocation(request, resource, name, parameters);
            }
            ClientMessage reply = requestor.request(request, 10_000);
            assertThat(reply).as("management answer to " + name).isNotNull();
            Object result = ManagementHelper.getResult(reply);
            assertThat(ManagementHelper.hasOperationSucceeded(reply)).as("%s: %s", name, result).isTrue();
            return result;
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /** The unpacked distribution under target/artemis, unpacked there first if need be. */
    public static synchronized Path home() throws Exception {
        if (Files.isDirectory(HOME)) {
            return HOME;
        }
        Path archive = archive().orElseThrow();
        // unpacked aside and moved in whole, so an interrupted unpack is never taken for the distribution
        Path unpacking = Files.createDirectories(HOME.resolveSibling("unpacking-" + UUID.randomUUID()));
        run(new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", unpacking.toString()),
                unpacking.resolveSibling("unpack-" + UUID.randomUUID() + ".log"));
        Files.move(unpacking.resolve(HOME.getFileName()), HOME);
        Files.delete(unpacking);
        return HOME;
    }

    /** The distribution's archive, copied to target/artemis by the build or fetched into the local repository. */
    private static Optional<Path> archive() {
        return Stream.of(HOME.resolveSibling(ARCHIVE), Path.of(System.getProperty("user.home"),
                        ".m2/repository/org/apache/activemq/apache-artemis", VERSION, ARCHIVE))
                .filter(Files::isRegularFile).findFirst();
    }

    /** Skips the class, saying why, when the distribution is missing; under CI it fails instead. */
    public static final class DistributionAtHand implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (Files.isDirectory(HOME) || archive().isPresent()) {
                return ConditionEvaluationResult.enabled(ARCHIVE + " at hand");
            }
            String missing = ARCHIVE + " is neither in target/artemis nor in ~/.m2: run `mvn dependency:get "
                    + "-Dartifact=org.apache.activemq:apache-artemis:" + VERSION + ":tar.gz:bin -Dtransitive=false`";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("under CI the standalone broker tests must run, but " + missing);
            }
            return ConditionEvaluationResult.disabled(missing);
        }
    }

    /** Runs a command to its end (at most 3 minutes), its output in {@code log}; fails the test if it fails. */
    private static void run(ProcessBuilder command, Path log) throws Exception {
        Files.createDirectories(log.getParent());
        Process process = withJava(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished && process.exitValue() == 0)
                .as("%s failed:%n%s", command.command(), Files.readString(log, StandardCharsets.UTF_8)).isTrue();
    }

    private static ProcessBuilder withJava(ProcessBuilder command) {
        command.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return command;
    }
}
