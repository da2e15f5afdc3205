package cn.sedx.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the simulators keep for inspection stays bounded in entries, in bytes per body and in bytes in all, and the
 * ids they count receptions of in ids per destination.
 */
class ReceivedLogTests {

    private static ReceivedLog.Entry entry(String id, int size) {
        return new ReceivedLog.Entry("province-44", id, Instant.now(), Map.of(), new byte[size], "REJECTED");
    }

    @Test
    void cutsOffABodyLongerThanTheCapAndSaysSo() {
        ReceivedLog log = new ReceivedLog(100, 100, 1_000, 1_000_000);

        log.reject(entry("big", 64 * 1024));

        ReceivedLog.Entry kept = log.find("big").get(0);
        assertThat(kept.body()).hasSize(1_000);
        assertThat(kept.bodySize()).isEqualTo(64 * 1024);
        assertThat(kept.truncated()).isTrue();
    }

    @Test
    void dropsTheOldestBodiesOnceTheTotalIsReached() {
        ReceivedLog log = new ReceivedLog(2_000, 100, 1_000, 5_000);

        for (int i = 0; i < 2_000; i++) {
            log.reject(entry("m" + i, 1_000));
        }

        List<ReceivedLog.Entry> kept = log.find(null);
        assertThat(kept).hasSize(5);
        assertThat(kept).extracting(ReceivedLog.Entry::messageId).containsExactly("m1995", "m1996", "m1997", "m1998",
                "m1999");
        assertThat(log.stats().get("province-44").get("rejected")).isEqualTo(2_000);
    }

    @Test
    void keepsAtMostTheConfiguredNumberOfAttempts() {
        ReceivedLog log = new ReceivedLog(3, 100, 1_000, 1_000_000);

        for (int i = 0; i < 10; i++) {
            log.accept(entry("m" + i, 10));
        }

        assertThat(log.find(null)).hasSize(3);
    }

    @Test
    void countsEveryVerifiedCopyOfAnIdPerDestinationEvenWhenTheAttemptsAreNoLongerKept() {
        ReceivedLog log = new ReceivedLog(1, 100, 1_000, 1_000_000);

        assertThat(log.accept(entry("m1", 10))).isTrue();
        assertThat(log.accept(entry("m1", 10))).isFalse();
        assertThat(log.accept(entry("m1", 10))).isFalse();
        log.accept(entry("m2", 10));
        log.reject(entry("m1", 10));

        assertThat(log.receptions("m1")).containsExactly(Map.entry("province-44", 3));
        assertThat(log.receptions("m2")).containsExactly(Map.entry("province-44", 1));
        assertThat(log.receptions("m3")).isEmpty();
        assertThat(log.find("m1")).extracting(ReceivedLog.Entry::outcome).containsExactly("REJECTED");
    }

    @Test
    void countsReceptionsOfTheLastRememberedIdsOfADestinationOnly() {
        ReceivedLog log = new ReceivedLog(100, 3, 1_000, 1_000_000);

        for (int i = 0; i < 10; i++) {
            log.accept(entry("m" + i, 10));
            log.accept(entry("m" + i, 10));
        }

        // the per-id counts hold rememberIds ids, oldest forgotten first: memory stays bounded however many arrive
        assertThat(log.receptions("m6")).isEmpty();
        assertThat(log.receptions("m7")).containsExactly(Map.entry("province-44", 2));
        assertThat(log.receptions("m9")).containsExactly(Map.entry("province-44", 2));
        // a forgotten id that comes again is taken for a new one
        assertThat(log.accept(entry("m0", 10))).isTrue();
        assertThat(log.receptions("m0")).containsExactly(Map.entry("province-44", 1));
        assertThat(log.receptions("m7")).isEmpty();
    }
}
