package cn.sedx.gateway.messagestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.support.Stores;
import cn.sedx.gateway.support.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class MessageStoreTests {

    private static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
    static final PayloadCipher CIPHER = cn.sedx.gateway.support.StoreCiphers.TEST;

    private final List<StateChanged> published = Collections.synchronizedList(new ArrayList<>());
    private final ApplicationEventPublisher events = event -> published.add((StateChanged) event);

    private MessageStore store(TestDatabases database) {
        DataSource dataSource = database.migrated();
        return store(dataSource, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static NewMessage message(String system, String key, byte[] payload) {
        return new NewMessage(MessageType.PERSONNEL_FILING, system, "REST", "91440106MA59C8XX1X", "440106", key,
                "sha-" + payload.length, payload, null, null);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void storesPayloadExactlyAndStartsHistoryAtReceived(TestDatabases database) {
        MessageStore store = store(database);
        byte[] payload = "{\"姓名\":\"张三\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        StoredMessage stored = store.insertReceived(message("gd-province", "k-1", payload));

        assertThat(stored.state()).isEqualTo(MessageState.RECEIVED);
        assertThat(stored.receivedAt()).isEqualTo(NOW);
        assertThat(store.payload(stored.id())).hasValue(payload);
        assertThat(store.history(stored.id())).extracting(StateChange::state).containsExactly(MessageState.RECEIVED);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void keepsTenMebibytePayloads(TestDatabases database) {
        MessageStore store = store(database);
        byte[] payload = new byte[10 * 1024 * 1024];
        new Random(7).nextBytes(payload);

        StoredMessage stored = store.insertReceived(message("gd-province", null, payload));

        assertThat(store.payload(stored.id())).hasValueSatisfying(read -> assertThat(read).isEqualTo(payload));
        assertThat(stored.payloadSize()).isEqualTo(payload.length);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void refusesSecondUseOfAnIdempotencyKeyBySameSystemOnly(TestDatabases database) {
        MessageStore store = store(database);
        StoredMessage first = store.insertReceived(message("gd-province", "same", new byte[] {1}));

        assertThatThrownBy(() -> store.insertReceived(message("gd-province", "same", new byte[] {2})))
                .isInstanceOfSatisfying(DuplicateSubmissionException.class,
                        e -> assertThat(e.existing().id()).isEqualTo(first.id()));
        assertThat(store.insertReceived(message("tianhe-county", "same", new byte[] {2})).id())
                .isNotEqualTo(first.id());
        assertThat(store.insertReceived(message("gd-province", null, new byte[] {3})).id()).isNotNull();
        assertThat(store.insertReceived(message("gd-province", null, new byte[] {4})).id()).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void transitionsOnlyFromTheExpectedStateAndRecordsWhoAndWhy(TestDatabases database) {
        MessageStore store = store(database);
        String id = store.insertReceived(message("gd-province", null, new byte[] {1})).id();

        assertThat(store.transition(id, MessageState.RECEIVED, MessageState.QUEUED, "gateway", "queued")).isTrue();
        assertThat(store.transition(id, MessageState.RECEIVED, MessageState.QUEUED, "gateway", "again")).isFalse();
        assertThat(store.transition(id, null, MessageState.FAILED, "gateway", "gave up")).isTrue();

        assertThat(store.history(id)).extracting(StateChange::state, StateChange::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple(MessageState.RECEIVED, "accepted via REST"),
                org.assertj.core.groups.Tuple.tuple(MessageState.QUEUED, "queued"),
                org.assertj.core.groups.Tuple.tuple(MessageState.FAILED, "gave up"));
        assertThat(store.find(id)).hasValueSatisfying(m -> assertThat(m.state()).isEqualTo(MessageState.FAILED));
        assertThat(published).extracting(StateChanged::state)
                .containsExactly(MessageState.RECEIVED, MessageState.QUEUED, MessageState.FAILED);
        assertThat(store.idsInState(MessageState.RECEIVED, 10)).doesNotContain(id);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void searchesByEveryFilterAndPages(TestDatabases database) {
        DataSource dataSource = database.migrated();
        MutableClock clock = new MutableClock(NOW);
        MessageStore store = store(dataSource, clock);
        for (int i = 0; i < 5; i++) {
            clock.now = NOW.plus(i, ChronoUnit.MINUTES);
            store.insertReceived(message(i % 2 == 0 ? "gd-province" : "tianhe-county", null, new byte[] {(byte) i}));
        }

        assertThat(store.search(new MessageQuery(null, null, null, null, null, null, 0, 10)).total()).isEqualTo(5);
        assertThat(store.search(new MessageQuery(null, null, null, "gd-province", null, null, 0, 10)).total())
                .isEqualTo(3);
        assertThat(store.search(new MessageQuery(MessageType.SAFETY_RECORD, null, null, null, null, null, 0, 10))
                .total()).isZero();
        assertThat(store.search(new MessageQuery(null, MessageState.RECEIVED, "91440106MA59C8XX1X", null,
                NOW.plus(1, ChronoUnit.MINUTES), NOW.plus(3, ChronoUnit.MINUTES), 0, 10)).total()).isEqualTo(2);
        MessagePage second = store.search(new MessageQuery(null, null, null, null, null, null, 1, 2));
        assertThat(second.items()).hasSize(2);
        assertThat(second.items().get(0).receivedAt()).isEqualTo(NOW.plus(2, ChronoUnit.MINUTES));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void logsBatchesOfDeliveryAttemptsPerDestination(TestDatabases database) {
        DataSource dataSource = database.migrated();
        MessageStore store = store(dataSource, Clock.fixed(NOW, ZoneOffset.UTC));
        DeliveryLog log = new DeliveryLog(JdbcClient.create(dataSource), new JdbcTemplate(dataSource));
        String id = store.insertReceived(message("gd-province", null, new byte[] {1})).id();
        log.createAll(Map.of(id, List.of("province-44")), MessageState.QUEUED, NOW);

        // one batch: an attempt of the queued delivery and the first attempt of one never queued (its row is made)
        log.recordAll(List.of(
                new DeliveryLog.Recorded(id, new DeliveryAttempt("province-44", 1, NOW, 12, "RETRY", 503,
                        "DESTINATION_UNAVAILABLE", "503 from platform"), MessageState.SENT),
                new DeliveryLog.Recorded(id, new DeliveryAttempt("document-exchange", 1, NOW, 5, "ACKNOWLEDGED",
                        200, null, null), MessageState.ACKNOWLEDGED)));
        log.recordAll(List.of(new DeliveryLog.Recorded(id, new DeliveryAttempt("province-44", 2, NOW.plusSeconds(1),
                8, "ACKNOWLEDGED", 200, null, null), MessageState.ACKNOWLEDGED)));

        assertThat(log.deliveries(id)).extracting(Delivery::destination).containsExactly("document-exchange",
                "province-44");
        assertThat(log.deliveries(id).get(1)).satisfies(delivery -> {
            assertThat(delivery.state()).isEqualTo(MessageState.ACKNOWLEDGED);
            assertThat(delivery.attempts()).isEqualTo(2);
            assertThat(delivery.firstAttemptAt()).isEqualTo(NOW);
            assertThat(delivery.lastErrorCode()).as("cleared by the success").isNull();
            assertThat(delivery.attemptLog()).extracting(DeliveryAttempt::httpStatus).containsExactly(503, 200);
        });
        assertThat(log.deliveries(id).get(0).attempts()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anAcknowledgementRecordedAfterTheCallbackKeepsTheSignedForState(TestDatabases database) {
        DataSource dataSource = database.migrated();
        MessageStore store = store(dataSource, Clock.fixed(NOW, ZoneOffset.UTC));
        DeliveryLog log = new DeliveryLog(JdbcClient.create(dataSource), new JdbcTemplate(dataSource));
        String id = store.insertReceived(message("gd-province", null, new byte[] {1})).id();
        log.createAll(Map.of(id, List.of("document-exchange")), MessageState.QUEUED, NOW);
        log.mark(id, "document-exchange", MessageState.SIGNED_FOR, NOW.plusSeconds(1));

        log.recordAll(List.of(new DeliveryLog.Recorded(id, new DeliveryAttempt("document-exchange", 1, NOW, 5,
                "ACKNOWLEDGED", 200, null, null), MessageState.ACKNOWLEDGED)));

        assertThat(log.states(id)).containsEntry("document-exchange", MessageState.SIGNED_FOR);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void twoClaimersOfReceivedMessagesNeverClaimTheSameOne(TestDatabases database) throws Exception {
        DataSource dataSource = database.migrated();
        MessageStore store = store(dataSource, Clock.fixed(NOW, ZoneOffset.UTC));
        for (int i = 0; i < 6; i++) {
            store.insertReceived(message("gd-province", null, new byte[] {(byte) i}));
        }
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        // the first holds its claim (and its row locks) while the second claims
        Future<List<String>> first = pool.submit(() -> tx.execute(status -> {
            List<String> ids = claimAndQueue(store, 3);
            firstClaimed.countDown();
            await(secondStarted);
            return ids;
        }));
        await(firstClaimed);
        Future<List<String>> second = pool.submit(() -> {
            secondStarted.countDown();
            return tx.execute(status -> claimAndQueue(store, 3));
        });
        List<String> a = first.get(30, TimeUnit.SECONDS);
        List<String> b = second.get(30, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(a).hasSize(3).doesNotContainAnyElementsOf(b);
        assertThat(b).hasSize(3);
        assertThat(store.idsInState(MessageState.QUEUED, 10)).containsExactlyInAnyOrderElementsOf(
                Stream.concat(a.stream(), b.stream()).toList());
    }

    private static List<String> claimAndQueue(MessageStore store, int limit) {
        List<String> ids = store.claimReceived(limit).stream().map(StoredMessage::id).toList();
        ids.forEach(id -> assertThat(store.transition(id, MessageState.RECEIVED, MessageState.QUEUED, "test", "claimed"))
                .as(id).isTrue());
        return ids;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private MessageStore store(DataSource dataSource, Clock clock) {
        return Stores.messageStore(dataSource, clock, events);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
