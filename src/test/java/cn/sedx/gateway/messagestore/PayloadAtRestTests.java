package cn.sedx.gateway.messagestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.support.Stores;
import cn.sedx.gateway.support.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * On H2 and PostgreSQL: no payload sits in clear in the message table, every read path opens it again, rows stored
 * in clear before encryption (wave 1) are still read, and re-sealing moves every payload to the current key. The
 * request bodies kept of deliveries (the console's "what was sent") are sealed and re-sealed alike.
 */
class PayloadAtRestTests {

    private static final byte[] FILING = ("{\"unit\":{\"uscc\":\"91440106MA59C8XX1X\"},\"persons\":[{\"idNumber\":"
            + "\"11010519491231002X\",\"mobile\":\"13812345678\"}]}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] K2 = "sixteen-byte-key".getBytes(StandardCharsets.US_ASCII);

    private static NewMessage message(byte[] payload) {
        return new NewMessage(MessageType.PERSONNEL_FILING, "gd-province", "REST", "91440106MA59C8XX1X", "440106",
                null, "sha", payload, null, null);
    }

    private static byte[] raw(JdbcClient jdbc, String id) {
        return jdbc.sql("SELECT payload FROM message_payload WHERE message_id = ?").param(id).query(byte[].class).single();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void noPayloadSitsInClearAndEveryReadPathOpensIt(TestDatabases database) {
        DataSource dataSource = database.migrated();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        MessageStore store = Stores.messageStore(dataSource, Clock.systemUTC(), event -> { }, MessageStoreTests.CIPHER);

        String id = store.insertReceived(message(FILING)).id();

        byte[] stored = raw(jdbc, id);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("11010519491231002X", "13812345678",
                "91440106MA59C8XX1X");
        assertThat(PayloadCipher.keyIdOf(stored)).isEqualTo("test-1");
        assertThat(store.payload(id)).hasValue(FILING);
        assertThat(store.latestPayload(MessageType.PERSONNEL_FILING, "91440106MA59C8XX1X")).hasValue(FILING);
        List<byte[]> scanned = new ArrayList<>();
        new MessageScan(jdbc, MessageStoreTests.CIPHER).forEach(MessageType.PERSONNEL_FILING, "",
                MessageScan.ScanKey.START, null, 10, row -> scanned.add(row.payload()));
        assertThat(scanned).containsExactly(FILING);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void readsRowsStoredInClearAndReSealsEveryPayloadUnderTheCurrentKey(TestDatabases database) {
        DataSource dataSource = database.migrated();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        String sealed = Stores.messageStore(dataSource, Clock.systemUTC(), event -> { }, MessageStoreTests.CIPHER)
                .insertReceived(message(FILING)).id();
        String clear = "00000000-0000-0000-0000-000000000001";
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO message (id, type, state, submitting_system, channel, body_sha256, payload_size,"
                        + " received_at, updated_at) VALUES (?, 'PERSONNEL_FILING', 'ACKNOWLEDGED', 'wave-1', 'REST',"
                        + " 'sha', ?, ?, ?)").params(clear, FILING.length, now, now).update();
        jdbc.sql("INSERT INTO message_payload (message_id, payload) VALUES (?, ?)").params(clear, FILING).update();
        PayloadCipher rotated = PayloadCipher.of("k2", Map.of("test-1", new byte[16], "k2", K2));
        MessageStore store = Stores.messageStore(dataSource, Clock.systemUTC(), event -> { }, rotated);
        assertThat(store.payload(clear)).hasValue(FILING);

        PayloadResealing resealing = new PayloadResealing(jdbc, rotated, new DataSourceTransactionManager(dataSource));
        PayloadResealing.Progress first = resealing.reseal(null, 1);
        PayloadResealing.Progress rest = resealing.reseal(first.next(), 100);

        assertThat(first.examined()).isEqualTo(1);
        assertThat(first.next()).isNotNull();
        assertThat(rest.next()).isNull();
        assertThat(first.resealed() + rest.resealed()).isEqualTo(2);
        assertThat(PayloadCipher.keyIdOf(raw(jdbc, sealed))).isEqualTo("k2");
        assertThat(PayloadCipher.keyIdOf(raw(jdbc, clear))).isEqualTo("k2");
        assertThat(store.payload(sealed)).hasValue(FILING);
        assertThat(store.payload(clear)).hasValue(FILING);
        assertThat(resealing.reseal(null, 100).resealed()).as("nothing left to re-seal").isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void keepsTheRequestsSentToAPlatformSealedAndOpensThemForTheConsole(TestDatabases database) {
        DataSource dataSource = database.migrated();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        String id = Stores.messageStore(dataSource, Clock.systemUTC(), event -> { }, MessageStoreTests.CIPHER)
                .insertReceived(message(FILING)).id();
        SentRequests sent = new SentRequests(jdbc, new JdbcTemplate(dataSource), MessageStoreTests.CIPHER);

        sent.record(new SentRequests.SentRequest(id, "national-platform", Instant.now(), Map.of("X-Message-Id", id),
                FILING, 200, Map.of(), "{}".getBytes(StandardCharsets.UTF_8), null));

        byte[] stored = jdbc.sql("SELECT request_body FROM sent_request WHERE message_id = ?").param(id)
                .query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("11010519491231002X",
                "13812345678");
        assertThat(sent.find(id, "national-platform").orElseThrow().requestBody()).isEqualTo(FILING);
        // a body sealed for one delivery does not open as another's
        jdbc.sql("UPDATE sent_request SET destination = 'province-44' WHERE message_id = ?").param(id).update();
        assertThatThrownBy(() -> sent.find(id, "province-44")).isInstanceOf(RuntimeException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theRequestBodyKeptOfADeliveryIsSealedOpenedAndReSealed(TestDatabases database) {
        DataSource dataSource = database.migrated();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        String id = Stores.messageStore(dataSource, Clock.systemUTC(), event -> { }, MessageStoreTests.CIPHER)
                .insertReceived(message(FILING)).id();
        new SentRequests(jdbc, new JdbcTemplate(dataSource), MessageStoreTests.CIPHER).record(new SentRequests.SentRequest(id, "province-44",
                Instant.now(), Map.of("Content-Type", "application/json"), FILING, 200, Map.of(), new byte[0], null));

        byte[] kept = jdbc.sql("SELECT request_body FROM sent_request WHERE message_id = ?").param(id)
                .query(byte[].class).single();
        assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain("11010519491231002X", "13812345678");
        assertThat(PayloadCipher.keyIdOf(kept)).isEqualTo("test-1");
        assertThat(new SentRequests(jdbc, new JdbcTemplate(dataSource), MessageStoreTests.CIPHER).find(id, "province-44").orElseThrow()
                .requestBody()).isEqualTo(FILING);

        PayloadCipher rotated = PayloadCipher.of("k2", Map.of("test-1", new byte[16], "k2", K2));
        new PayloadResealing(jdbc, rotated, new DataSourceTransactionManager(dataSource)).reseal(null, 1_000_000);

        byte[] resealed = jdbc.sql("SELECT request_body FROM sent_request WHERE message_id = ?").param(id)
                .query(byte[].class).single();
        assertThat(PayloadCipher.keyIdOf(resealed)).isEqualTo("k2");
        assertThat(new SentRequests(jdbc, new JdbcTemplate(dataSource), PayloadCipher.of("k2", Map.of("k2", K2))).find(id, "province-44")
                .orElseThrow().requestBody()).as("opens without the old key").isEqualTo(FILING);
    }
}
