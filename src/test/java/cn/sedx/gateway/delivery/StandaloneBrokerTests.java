package cn.sedx.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.support.FreshDataDirectory;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Ports;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientRequestor;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.utils.VersionLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The gateway on a standalone Artemis broker, set up as docs/delivery.md says: the {@code apache-artemis}
 * distribution, an instance made by {@code deploy/artemis/create-broker.sh}, the gateway pointed at it by
 * {@code spring.artemis.*} alone. The distribution comes from {@code target/artemis} (copied there by the build)
 * or the local Maven repository; without it the tests are skipped, except under CI, where they fail.
 */
@GatewayTest
@DirtiesContext
@ExtendWith(StandaloneBrokerTests.DistributionAtHand.class)
@TestPropertySource(properties = {
    "sedx.delivery.destinations.province-44.retry.initial-delay=200ms",
    "sedx.delivery.destinations.province-44.retry.max-delay=1s",
    "sedx.delivery.destinations.province-44.breaker.open-wait=1s"})
class StandaloneBrokerTests {

    /** The distribution of the Artemis version the gateway's client (and embedded broker) comes in. */
    private static final String VERSION = VersionLoader.getVersion().getFullVersion();
    private static final String ARCHIVE = "apache-artemis-" + VERSION + "-bin.tar.gz";
    private static final Path HOME = Path.of("target", "artemis", "apache-artemis-" + VERSION).toAbsolutePath();
    private static final String QUEUE = "sedx.delivery.province-44";
    private static final String USER = "sedx-gateway";
    /** A space, quotes, a backslash and a hash, which the script must hand to the Artemis CLI unchanged. */
    private static final String PASSWORD = "sedx \"" + UUID.randomUUID() + "\" \\#";
    private static final Path WORK = FreshDataDirectory.folder("standalone-broker");
    private static final Path INSTANCE = WORK.resolve("instance");
    private static final int BROKER_PORT = Ports.free();

    private static Process broker;

    @LocalServerPort
    int port;

    Gateway gateway;

    @DynamicPropertySource
    static void standaloneBroker(DynamicPropertyRegistry registry) {
        registry.add("spring.artemis.mode", () -> "native");
        registry.add("spring.artemis.broker-url", StandaloneBrokerTests::brokerUrl);
        registry.add("spring.artemis.user", () -> USER);
        registry.add("spring.artemis.password", () -> PASSWORD);
        // without it Spring Boot still starts the (unused) embedded broker next to the native connection factory
        registry.add("spring.artemis.embedded.enabled", () -> "false");
    }

    @BeforeAll
    static void createAndStartBroker() throws Exception {
        Path home = artemisHome();
        run(createBroker(home, PASSWORD), "create.log");
        startBroker();
    }

    @AfterAll
    static void killBroker() throws InterruptedException {
        if (broker != null) {
            kill(broker);
        }
    }

    @BeforeEach
    void platformsUp() {
        gateway = new Gateway(port);
        gateway.control("province-44", "OK");
    }

    @Test
    void deliversThroughTheStandaloneBrokersQueueWithTheEmbeddedBrokersAddressSettings() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> queueExists(QUEUE));
        long addedBefore = queueAttribute(QUEUE, "messagesAdded");

        String id = gateway.submitFiling("440106");

        gateway.awaitState(id, "ACKNOWLEDGED", Duration.ofSeconds(30));
        assertThat(queueAttribute(QUEUE, "messagesAdded")).isGreaterThan(addedBefore);
        assertThat(queueExists("sedx.delivery.no-such-destination")).isFalse();
        AddressSettings embedded = embeddedSedxSettings();
        AddressSettings standalone = AddressSettings.fromJSON(
                (String) manage(ResourceNames.BROKER, "getAddressSettingsAsJSON", QUEUE));
        assertThat(standalone.getRedeliveryDelay()).isEqualTo(embedded.getRedeliveryDelay()).isEqualTo(1000);
        assertThat(standalone.getRedeliveryMultiplier()).isEqualTo(embedded.getRedeliveryMultiplier());
        assertThat(standalone.getMaxRedeliveryDelay()).isEqualTo(embedded.getMaxRedeliveryDelay());
        assertThat(standalone.getMaxDeliveryAttempts()).isEqualTo(embedded.getMaxDeliveryAttempts()).isEqualTo(-1);
        assertThat(standalone.getAddressFullMessagePolicy()).isEqualTo(AddressFullMessagePolicy.PAGE);
        assertThat(standalone.getExpiryDelay()).isEqualTo(-1);
        assertThat(standalone.isAutoCreateQueues()).isTrue();
        assertThat(standalone.isAutoDeleteQueues()).isFalse();
    }

    @Test
    void deliversEveryAcceptedFilingOnceAfterTheBrokerIsKilledWhileTheyWait() throws Exception {
        gateway.control("{\"destination\":\"province-44\",\"mode\":\"FAIL\",\"status\":503}");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(gateway.submitFiling("440106"));
        }
        // every filing routed to the province's queue, attempts refused: the deliveries wait on the broker
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(queueAttribute(QUEUE, "messageCount")).isEqualTo(ids.size());
            assertThat(ids.stream().map(gateway::state)).contains("SENT").doesNotContain("ACKNOWLEDGED", "FAILED");
        });

        kill(broker);
        ids.add(gateway.submitFiling("440106"));
        ids.add(gateway.submitFiling("440106"));
        startBroker();
        gateway.control("province-44", "OK");

        for (String id : ids) {
            gateway.awaitState(id, "ACKNOWLEDGED", Duration.ofSeconds(90));
            // every verified copy counted: a re-send (answered DUPLICATE) would make it 2
            assertThat(gateway.receptions(id, "province-44")).as("copies of " + id + " received").isEqualTo(1);
        }
    }

    @Test
    void keepsTheInstanceAndItsOneSedxSettingWhenTheScriptRunsAgain() throws Exception {
        byte[] users = Files.readAllBytes(INSTANCE.resolve("etc/artemis-users.properties"));

        run(createBroker(artemisHome(), "another-password"), "create-again.log");

        assertThat(INSTANCE.resolve("etc/artemis-users.properties")).hasBinaryContent(users);
        String brokerXml = Files.readString(INSTANCE.resolve("etc/broker.xml"));
        assertThat(brokerXml.split("match=\"sedx\\.#\"", -1)).hasSize(2);
    }

    /** The unpacked distribution under target/artemis, unpacked there first if need be. */
    private static Path artemisHome() throws Exception {
        if (Files.isDirectory(HOME)) {
            return HOME;
        }
        Path archive = archive().orElseThrow();
        // unpacked aside and moved in whole, so an interrupted unpack is never taken for the distribution
        Path unpacking = Files.createDirectories(HOME.resolveSibling("unpacking-" + UUID.randomUUID()));
        run(new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", unpacking.toString()), "unpack.log");
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
    static final class DistributionAtHand implements ExecutionCondition {

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

    private static ProcessBuilder createBroker(Path home, String password) {
        ProcessBuilder create = new ProcessBuilder("sh", "deploy/artemis/create-broker.sh", home.toString(),
                INSTANCE.toString(), String.valueOf(BROKER_PORT), USER);
        create.environment().put("ARTEMIS_PASSWORD", password);
        return create;
    }

    /** Runs the instance as {@link #broker}, which {@link #killBroker()} ends, and waits until it accepts. */
    private static void startBroker() throws IOException {
        ProcessBuilder run = new ProcessBuilder(INSTANCE.resolve("bin/artemis").toString(), "run");
        Path log = WORK.resolve("broker.log");
        Process process = withJava(run).redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile()))
                .start();
        broker = process;
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertThat(process.isAlive()).as("the broker exited; see " + log).isTrue();
            return accepts(BROKER_PORT);
        });
    }

    private static void kill(Process process) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("process %d still runs", process.pid()).isTrue();
    }

    private static void run(ProcessBuilder command, String logName) throws Exception {
        Path log = Files.createDirectories(WORK).resolve(logName);
        Process process = withJava(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            kill(process);
        }
        assertThat(finished && process.exitValue() == 0)
                .as("%s failed:%n%s", command.command(), Files.readString(log, StandardCharsets.UTF_8)).isTrue();
    }

    private static ProcessBuilder withJava(ProcessBuilder command) {
        command.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return command;
    }

    /** The sedx.# settings the embedded broker gets from {@link DeliveryConfiguration}. */
    private static AddressSettings embeddedSedxSettings() {
        ConfigurationImpl configuration = new ConfigurationImpl();
        new DeliveryConfiguration().sedxAddressSettings().customize(configuration);
        return configuration.getAddressSettings().get("sedx.#");
    }

    private static boolean queueExists(String queue) throws Exception {
        try (ServerLocator locator = ActiveMQClient.createServerLocator(brokerUrl());
                ClientSessionFactory factory = locator.createSessionFactory();
                ClientSession session = factory.createSession(USER, PASSWORD, false, true, true, false, 0)) {
            return session.queueQuery(SimpleString.of(queue)).isExists();
        }
    }

    private static long queueAttribute(String queue, String attribute) throws Exception {
        return ((Number) manage(ResourceNames.QUEUE + queue, attribute)).longValue();
    }

    /** Reads an attribute of a broker resource, or invokes an operation on it, through the management address. */
    private static Object manage(String resource, String name, Object... parameters) throws Exception {
        try (ServerLocator locator = ActiveMQClient.createServerLocator(brokerUrl());
                ClientSessionFactory factory = locator.createSessionFactory();
                ClientSession session = factory.createSession(USER, PASSWORD, false, true, true, false, 0);
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

    private static String brokerUrl() {
        return "tcp://127.0.0.1:" + BROKER_PORT;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
