package cn.sedx.gateway.messagestore;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.support.Stores;
import cn.sedx.gateway.support.TestDatabases;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A unit is a credit code and a unit kind: the store keeps the kind with each message and finds filings by it. */
class UnitKindStoreTests {

    private static final String FIRM = "91440106MA59C8XX1X";

    private static MessageStore store(DataSource dataSource, Instant now) {
        return Stores.messageStore(dataSource, Clock.fixed(now, ZoneOffset.UTC), event -> { });
    }

    private static NewMessage filing(String kind) {
        byte[] payload = ("{\"filingKind\":\"INITIAL\",\"unit\":{\"uscc\":\"" + FIRM + "\",\"unitKind\":\"" + kind
                + "\"},\"persons\":[]}").getBytes(StandardCharsets.UTF_8);
        return new NewMessage(MessageType.PERSONNEL_FILING, "gd-province", "REST", FIRM, "440106", null,
                "sha-" + kind, payload, null, null);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void findsTheNewestFilingOfEachKindOfACreditCode(TestDatabases database) {
        DataSource dataSource = database.migrated();
        StoredMessage use = store(dataSource, Instant.parse("2026-11-01T00:00:00Z"))
                .insertReceivedOfKind(filing("USE"), "USE");
        store(dataSource, Instant.parse("2026-11-02T00:00:00Z")).insertReceivedOfKind(filing("PRODUCTION"),
                "PRODUCTION");
        MessageStore store = store(dataSource, Instant.parse("2026-11-03T00:00:00Z"));
        StoredMessage newerUse = store.insertReceivedOfKind(filing("USE"), "USE");

        assertThat(store.unitKinds(MessageType.PERSONNEL_FILING, FIRM)).containsExactly("PRODUCTION", "USE");
        assertThat(store.unitKind(newerUse.id())).contains("USE");
        assertThat(store.latestPayload(MessageType.PERSONNEL_FILING, FIRM, "USE"))
                .hasValueSatisfying(payload -> assertThat(payload).isEqualTo(store.payload(newerUse.id()).orElseThrow()));
        assertThat(new String(store.latestPayload(MessageType.PERSONNEL_FILING, FIRM).orElseThrow(),
                StandardCharsets.UTF_8)).contains("\"USE\"");

        store.transition(newerUse.id(), null, MessageState.FAILED, "gateway", "dead-lettered");
        assertThat(store.latestPayload(MessageType.PERSONNEL_FILING, FIRM, "USE"))
                .hasValueSatisfying(payload -> assertThat(payload).isEqualTo(store.payload(use.id()).orElseThrow()));
        assertThat(store.latestPayload(MessageType.PERSONNEL_FILING, FIRM, "FILLING")).isEmpty();
        assertThat(store.unitKinds(MessageType.PERSONNEL_FILING, "91440106MA59C8XX2Y")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void backfillsTheKindOfFilingsStoredBeforeTheColumnExisted(TestDatabases database) {
        DataSource dataSource = database.migratedTo("30");
        // filings stored by the version before V30, in clear as that version stored them
        MessageStore store = Stores.messageStore(dataSource, Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"),
                ZoneOffset.UTC), event -> { }, PayloadCipher.off());
        StoredMessage production = store.insertReceived(filing("PRODUCTION"));
        StoredMessage filling = store.insertReceived(filing("FILLING"));
        StoredMessage unreadable = store.insertReceived(new NewMessage(MessageType.PERSONNEL_FILING, "gd-province",
                "REST", FIRM, "440106", null, "sha-x", "not json".getBytes(StandardCharsets.UTF_8), null, null));
        assertThat(store.unitKinds(MessageType.PERSONNEL_FILING, FIRM)).isEmpty();

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(new UnitKindBackfill(new ObjectMapper())).load().migrate();

        assertThat(store.unitKind(production.id())).contains("PRODUCTION");
        assertThat(store.unitKind(filling.id())).contains("FILLING");
        assertThat(store.unitKind(unreadable.id())).isEmpty();
        assertThat(store.unitKinds(MessageType.PERSONNEL_FILING, FIRM)).containsExactly("FILLING", "PRODUCTION");
    }
}
