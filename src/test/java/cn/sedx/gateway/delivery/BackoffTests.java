package cn.sedx.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.delivery.DeliverySettings.Retry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTests {

    private static final Retry DEFAULTS = new Retry(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5), 0.2,
            Duration.ofHours(24));

    @Test
    void doublesFromOneSecondUpToFiveMinutesWithoutJitterAtTheMidpoint() {
        Backoff backoff = new Backoff(DEFAULTS, () -> 0.5);

        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.delayAfter(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(backoff.delayAfter(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.delayAfter(400)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void spreadsByTheJitterFractionButNeverAboveTheCap() {
        assertThat(new Backoff(DEFAULTS, () -> 0.0).delayAfter(3)).isEqualTo(Duration.ofMillis(3200));
        assertThat(new Backoff(DEFAULTS, () -> 0.999_999).delayAfter(3)).isEqualTo(Duration.ofMillis(4800));
        assertThat(new Backoff(DEFAULTS, () -> 0.999_999).delayAfter(20)).isEqualTo(Duration.ofMinutes(5));
        assertThat(new Backoff(DEFAULTS, () -> 0.0).delayAfter(20)).isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void givesUpOnceTheFirstAttemptIsOlderThanTheGiveUpAge() {
        Backoff backoff = new Backoff(DEFAULTS, () -> 0.5);
        Instant first = Instant.parse("2026-11-28T00:00:00Z");

        assertThat(backoff.expired(first, first.plus(Duration.ofHours(23)))).isFalse();
        assertThat(backoff.expired(first, first.plus(Duration.ofHours(24)))).isTrue();
    }
}
