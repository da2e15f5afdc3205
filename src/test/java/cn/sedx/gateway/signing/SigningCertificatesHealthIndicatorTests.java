package cn.sedx.gateway.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.core.io.DefaultResourceLoader;

class SigningCertificatesHealthIndicatorTests {

    private static final Instant NOT_AFTER = SampleKeys.keys().certificates().get("gateway-sm2").getNotAfter()
            .toInstant();

    @Test
    void isUpWithoutWarningsWhileEveryCertificateHasTimeLeft() {
        // a year before the sample certificates expire (not now: within 30 days of 2036-11-28 this would warn)
        Health health = healthAt(NOT_AFTER.minus(Duration.ofDays(365)));
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).doesNotContainKey("warnings");
        assertThat(certificate(health)).containsEntry("state", "VALID").containsEntry("profile", "SM2-SM3")
                .containsEntry("notAfter", NOT_AFTER.toString());
    }

    @Test
    void warnsButStaysUpWithinTheWarningWindow() {
        Health health = healthAt(NOT_AFTER.minus(Duration.ofDays(10)));
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsKey("warnings");
        assertThat(certificate(health)).containsEntry("state", "EXPIRING").containsEntry("daysLeft", 10L);
    }

    @Test
    void isOutOfServiceOnceACertificateHasExpired() {
        Health health = healthAt(NOT_AFTER.plusSeconds(1));
        assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(certificate(health)).containsEntry("state", "EXPIRED");
        assertThat(health.getDetails()).containsKey("errors");
    }

    private static Health healthAt(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        SigningSettings settings = new SigningSettings(false, Map.of("gateway-sm2", SampleKeys.sample("gateway-sm2")),
                null, null, null);
        SigningKeys keys = new SigningKeys(settings, new DefaultResourceLoader(), clock);
        return new SigningCertificatesHealthIndicator(keys, settings.expiryWarning(), clock).health();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> certificate(Health health) {
        return (Map<String, Object>) ((Map<String, Object>) health.getDetails().get("certificates")).get("gateway-sm2");
    }
}
