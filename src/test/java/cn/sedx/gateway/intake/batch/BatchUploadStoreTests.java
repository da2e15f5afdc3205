package cn.sedx.gateway.intake.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sedx.gateway.support.TestDatabases;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The batch_upload table (V70) as the uploads' durable queue, on H2 and PostgreSQL alike. */
class BatchUploadStoreTests {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private static BatchUploadStore store(TestDatabases database) {
        return new BatchUploadStore(JdbcClient.create(database.migrated()));
    }

    private static BatchUpload upload(String id, String key, Instant createdAt) {
        return new BatchUpload(id, "gd-province", key, "people.xlsx", "xlsx", "ab".repeat(32), 1234, "QUEUED", 0, 0,
                0, 0, null, List.of(), null, createdAt, null, null);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void claimsTheOldestQueuedUploadOfItsNodeOnce(TestDatabases database) {
        BatchUploadStore store = store(database);
        store.insert(upload("b-2", null, T0.plusSeconds(5)), "node-a");
        store.insert(upload("b-1", null, T0), "node-a");
        store.insert(upload("b-0", null, T0.minusSeconds(5)), "node-b");

        assertThat(store.claimNext("node-a", T0.plusSeconds(10))).hasValueSatisfying(batch -> {
            assertThat(batch.id()).isEqualTo("b-1");
            assertThat(batch.state()).isEqualTo("RUNNING");
            assertThat(batch.startedAt()).isEqualTo(T0.plusSeconds(10));
        });
        assertThat(store.claimNext("node-a", T0.plusSeconds(11))).map(BatchUpload::id).hasValue("b-2");
        assertThat(store.claimNext("node-a", T0.plusSeconds(12))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aSecondUploadWithTheSameSystemAndKeyIsRefusedByTheIndex(TestDatabases database) {
        BatchUploadStore store = store(database);
        store.insert(upload("b-1", "key-1", T0), "node-a");
        store.insert(upload("b-2", null, T0), "node-a");
        store.insert(upload("b-3", null, T0), "node-a");

        assertThatThrownBy(() -> store.insert(upload("b-4", "key-1", T0), "node-a"))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(store.findByKey("gd-province", "key-1")).map(BatchUpload::id).hasValue("b-1");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void requeuesWhatAStopLeftRunningAndKeepsTheOutcomeOfWhatFinished(TestDatabases database) {
        BatchUploadStore store = store(database);
        store.insert(upload("b-1", null, T0), "node-a");
        store.insert(upload("b-2", null, T0.plusSeconds(1)), "node-a");
        store.claimNext("node-a", T0.plusSeconds(2));
        store.claimNext("node-a", T0.plusSeconds(3));
        store.progress("b-1", 40, 30, 10, T0.plusSeconds(4));
        store.finish("b-2", new BatchSummary("people.xlsx", "gd-province", "xlsx", "UTF-8", "ab".repeat(32), 2, 8, 1,
                0, 1, false, 12, "failed", List.of("people.xlsx.errors.json", "people.xlsx.summary.json")),
                T0.plusSeconds(5));

        assertThat(store.requeueInterrupted("node-a", T0.plusSeconds(6))).isEqualTo(1);

        assertThat(store.find("b-1")).hasValueSatisfying(batch -> {
            assertThat(batch.state()).isEqualTo("QUEUED");
            assertThat(List.of(batch.records(), batch.accepted(), batch.refused())).containsExactly(40L, 30L, 10L);
        });
        assertThat(store.find("b-2")).hasValueSatisfying(batch -> {
            assertThat(batch.state()).isEqualTo("DONE");
            assertThat(batch.outcome()).isEqualTo("failed");
            assertThat(batch.reports()).containsExactly("people.xlsx.errors.json", "people.xlsx.summary.json");
            assertThat(batch.finishedAt().truncatedTo(ChronoUnit.SECONDS)).isEqualTo(T0.plusSeconds(5));
        });
        assertThat(store.claimNext("node-a", T0.plusSeconds(7))).map(BatchUpload::id).hasValue("b-1");
    }
}
