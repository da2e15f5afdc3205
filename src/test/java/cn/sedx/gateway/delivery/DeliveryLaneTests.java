package cn.sedx.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.messagestore.DeliveryLog;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.support.GatewayTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery lanes: consumers that stay open on transacted sessions, a batch of attempts per database commit.
 * Real concurrency against a slow platform, no consumption while a breaker is open, and a batch whose outcomes
 * cannot be recorded going back to its queue.
 */
@GatewayTest
@TestPropertySource(properties = {
    "sedx.delivery.destinations.province-11.concurrent-consumers=3",
    "sedx.delivery.destinations.province-11.breaker.open-wait=10s",
    "sedx.delivery.destinations.province-11.breaker.minimum-calls=2",
    "sedx.delivery.destinations.province-11.breaker.sliding-window-size=2",
    "sedx.delivery.destinations.province-11.retry.initial-delay=100ms",
    "sedx.delivery.destinations.province-11.retry.max-delay=300ms",
    // a lane waiting for a row lock gives up after 1.5 s, as it would when the database stops answering
    "spring.datasource.hikari.connection-init-sql=SET LOCK_TIMEOUT 1500",
    "sedx.security.systems.bj-test.display-name=Beijing test system",
    "sedx.security.systems.bj-test.jurisdiction=11",
    "sedx.security.systems.bj-test.message-types=PERSONNEL_FILING,SAFETY_RECORD",
    "sedx.security.systems.bj-test.token-sha256=" + Gateway.BJ_SHA256})
class DeliveryLaneTests {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedActiveMQ broker;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DeliveryBreakers breakers;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    CamelContext camel;

    @Autowired
    MessageStore store;

    @Autowired
    DeliveryLog deliveries;

    @Autowired
    DeliveryRouter router;

    @Autowired
    JmsTemplate deliveryJms;

    Gateway gateway;

    @BeforeEach
    void platformsUp() {
        gateway = new Gateway(port);
        gateway.control("province-11", "OK");
        gateway.control("province-44", "OK");
    }

    @Test
    void keepsOneAttemptInFlightPerLaneAgainstASlowPlatform() {
        gateway.control("{\"destination\":\"province-11\",\"mode\":\"DELAY\",\"delayMs\":500}");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            ids.add(gateway.submitFiling("110105"));
        }

        ids.forEach(id -> gateway.awaitState(id, "ACKNOWLEDGED", Duration.ofSeconds(30)));
        assertThat(gateway.stats().at("/province-11/inFlightMax").asLong())
                .as("attempts the platform was answering at once").isEqualTo(3);
    }

    @Test
    void takesNothingFromTheQueueWhileTheBreakerIsOpen() {
        gateway.control("province-11", "FAIL");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(gateway.submitFiling("110105"));
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> breakers.state("province-11") == CircuitBreaker.State.OPEN);
        // the attempts under way when it opened finish; then, open for 10 s, its lanes take nothing
        await().atMost(Duration.ofSeconds(5)).until(() -> delivering("sedx.delivery.province-11") == 0);
        long failedAtOpening = gateway.stats().at("/province-11/failed").asLong();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() ->
                delivering("sedx.delivery.province-11") == 0
                        && gateway.stats().at("/province-11/failed").asLong() == failedAtOpening);
        assertThat(queued("sedx.delivery.province-11")).isPositive();

        gateway.control("province-11", "OK");
        ids.forEach(id -> gateway.awaitState(id, "ACKNOWLEDGED", Duration.ofSeconds(30)));
    }

    @Test
    void aBatchWhoseOutcomesCannotBeRecordedGoesBackToItsQueueAndIsDeliveredUnderTheSameId() throws Exception {
        gateway.control("{\"destination\":\"province-44\",\"mode\":\"DELAY\",\"delayMs\":1000}");
        String id = gateway.submitFiling("440106");
        // a lane holds the message: its attempt waits for the slow platform
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> delivering("sedx.delivery.province-44") == 1);

        // the test holds the message's row, so the lane cannot record the attempt's outcome
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s -> {
            jdbc.queryForList("SELECT id FROM message WHERE id = ? FOR UPDATE", id);
            locked.countDown();
            awaitLatch(release);
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        // the first attempt was answered but not recorded; the broker gave the message back and it was sent again
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.received(id).size() >= 2);
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);

        gateway.awaitState(id, "ACKNOWLEDGED", Duration.ofSeconds(30));
        List<String> outcomes = new ArrayList<>();
        for (JsonNode reception : gateway.received(id)) {
            outcomes.add(reception.path("outcome").asText());
        }
        assertThat(outcomes).containsOnlyOnce("RECEIVED").contains("DUPLICATE").isSubsetOf("RECEIVED", "DUPLICATE");
        await().atMost(Duration.ofSeconds(10)).until(() -> queued("sedx.delivery.province-44") == 0
                && delivering("sedx.delivery.province-44") == 0);
    }

    @Test
    void aDispatchWhoseDatabaseCommitFailsIsQueuedAgainAndDeliveredUnderTheSameId() throws Exception {
        camel.getRouteController().stopRoute("delivery-dispatch");
        // the platform holds each attempt 3 s, so the store still says RECEIVED when the dispatcher runs again
        gateway.control("{\"destination\":\"province-44\",\"mode\":\"DELAY\",\"delayMs\":3000}");
        String id;
        try {
            id = gateway.submitFiling("440106");
            // the queue messages are committed, then the database transaction that would mark the batch QUEUED is
            // lost (as when the database goes away between the two commits)
            DeliveryDispatcher lostCommit = new DeliveryDispatcher(store, deliveries, router, deliveryJms,
                    rolledBack(transactionManager), 500, Clock.systemUTC());
            assertThat(lostCommit.dispatch()).isEqualTo(1);
            assertThat(gateway.state(id)).isEqualTo("RECEIVED");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE message_id = ?", Integer.class, id))
                    .isZero();
            // a lane is already delivering from the queue message the lost transaction left
        } finally {
            camel.getRouteController().startRoute("delivery-dispatch");
        }
        gateway.awaitState(id, "ACKNOWLEDGED", Duration.ofSeconds(30));
        List<String> states = new ArrayList<>();
        gateway.message(id).get("history").forEach(change -> states.add(change.get("state").asText()));
        assertThat(states).as("dispatched again").containsOnlyOnce("QUEUED");
        List<String> outcomes = new ArrayList<>();
        for (JsonNode reception : gateway.received(id)) {
            outcomes.add(reception.path("outcome").asText());
        }
        assertThat(outcomes).containsOnlyOnce("RECEIVED").isSubsetOf("RECEIVED", "DUPLICATE");
        assertThat(jdbc.queryForList("SELECT state FROM delivery WHERE message_id = ?", String.class, id))
                .containsExactly("ACKNOWLEDGED");
        await().atMost(Duration.ofSeconds(10)).until(() -> queued("sedx.delivery.province-44") == 0
                && delivering("sedx.delivery.province-44") == 0);
    }

    /** A transaction template that runs its work in a transaction and rolls it back where it would commit. */
    private static TransactionTemplate rolledBack(PlatformTransactionManager manager) {
        return new TransactionTemplate(manager) {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
                TransactionStatus status = manager.getTransaction(this);
                T result = action.doInTransaction(status);
                manager.rollback(status);
                return result;
            }
        };
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long delivering(String queue) {
        return broker.getActiveMQServer().locateQueue(SimpleString.of(queue)).getDeliveringCount();
    }

    private long queued(String queue) {
        return broker.getActiveMQServer().locateQueue(SimpleString.of(queue)).getMessageCount();
    }
}
