package cn.sedx.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.support.ArtemisBroker;
import cn.sedx.gateway.support.FreshDataDirectory;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The gateway on a standalone Artemis broker, set up as docs/delivery.md says: the {@code apache-artemis}
 * distribution, an instance made by {@code deploy/artemis/create-broker.sh}, the gateway pointed at it by
 * {@code spring.artemis.*} alone ({@link ArtemisBroker}: without the distribution the tests are skipped, except
 * under CI, where they fail).
 */
@GatewayTest
@DirtiesContext
@ExtendWith(ArtemisBroker.DistributionAtHand.class)
@TestPropertySource(properties = {
    "sedx.delivery.destinations.province-44.retry.initial-delay=200ms",
    "sedx.delivery.destinations.province-44.retry.max-delay=1s",
    "sedx.delivery.destinations.province-44.breaker.open-wait=1s"})
class StandaloneBrokerTests {

    private static final String QUEUE = "sedx.delivery.province-44";
    private static final String USER = "sedx-gateway";
    /** A space, quotes, a backslash and a hash, which the script must hand to the Artemis CLI unchanged. */
    private static final String PASSWORD = "sedx \"" + UUID.randomUUID() + "\" \\#";
    private static final Path WORK = FreshDataDirectory.folder("standalone-broker");
    private static final int BROKER_PORT = Ports.free();

    private static ArtemisBroker broker;

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
        broker = ArtemisBroker.create(WORK, BROKER_PORT, USER, PASSWORD, Map.of());
        broker.start(true);
    }

    @AfterAll
    static void killBroker() throws InterruptedException {
        if (broker != null) {
            broker.kill();
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

        broker.kill();
        ids.add(gateway.submitFiling("440106"));
        ids.add(gateway.submitFiling("440106"));
        broker.start(true);
        gateway.control("province-44", "OK");

        for (String id : ids) {
            gateway.awaitState(id, "ACKNOWLEDGED", Duration.ofSeconds(90));
            // every verified copy counted: a re-send (answered DUPLICATE) would make it 2
            assertThat(gateway.receptions(id, "province-44")).as("copies of " + id + " received").isEqualTo(1);
        }
    }

    @Test
    void keepsTheInstanceAndItsOneSedxSettingWhenTheScriptRunsAgain() throws Exception {
        Path instance = broker.instance();
        byte[] users = Files.readAllBytes(instance.resolve("etc/artemis-users.properties"));

        broker.runScriptAgain("another-password", "create-again.log");

        assertThat(instance.resolve("etc/artemis-users.properties")).hasBinaryContent(users);
        String brokerXml = Files.readString(instance.resolve("etc/broker.xml"));
        assertThat(brokerXml.split("match=\"sedx\\.#\"", -1)).hasSize(2);
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

    private static Object manage(String resource, String name, Object... parameters) throws Exception {
        return broker.manage(resource, name, parameters);
    }

    private static String brokerUrl() {
        return "tcp://127.0.0.1:" + BROKER_PORT;
    }
}
