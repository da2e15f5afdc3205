package cn.sedx.gateway.signing;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * Health of the signing certificates ({@code /actuator/health/signingCertificates}), computed afresh
 * on every call, so it is as current as the clock without a scheduler. Each key shows its profile,
 * subject, notAfter and days left. Status: UP; UP with a {@code warnings} detail when a certificate
 * expires within {@link SigningSettings#expiryWarning()}; OUT_OF_SERVICE when one has expired or is
 * not yet valid (deliveries using it are refused by {@link SigningKeys#signer(String)}).
 */
class SigningCertificatesHealthIndicator implements HealthIndicator {

    private final SigningKeys keys;
    private final Duration warningWindow;
    private final Clock clock;

    public SigningCertificatesHealthIndicator(SigningKeys keys, Duration warningWindow, Clock clock) {
        this.keys = keys;
        this.warningWindow = warningWindow;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        Map<String, Object> certificates = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        List<String> unusable = new ArrayList<>();
        keys.certificates().forEach((name, certificate) -> {
            String state = state(certificate, now);
            certificates.put(name, details(certificate, state, now));
            switch (state) {
                case "EXPIRING" -> warnings.add(name + " expires " + certificate.getNotAfter().toInstant());
                case "EXPIRED", "NOT_YET_VALID" -> unusable.add(name + " is " + state);
                default -> { }
            }
        });
        Health.Builder health = unusable.isEmpty() ? Health.up() : Health.status(Status.OUT_OF_SERVICE);
        health.withDetail("certificates", certificates);
        if (!unusable.isEmpty()) {
            health.withDetail("errors", unusable);
        }
        if (!warnings.isEmpty()) {
            health.withDetail("warnings", warnings);
        }
        return health.build();
    }

    private String state(X509Certificate certificate, Instant now) {
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (now.isAfter(notAfter)) {
            return "EXPIRED";
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            return "NOT_YET_VALID";
        }
        return now.plus(warningWindow).isAfter(notAfter) ? "EXPIRING" : "VALID";
    }

    private static Map<String, Object> details(X509Certificate certificate, String state, Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", state);
        details.put("profile", SignatureProfile.forKey(certificate.getPublicKey()).headerValue());
        details.put("subject", certificate.getSubjectX500Principal().getName());
        details.put("notAfter", certificate.getNotAfter().toInstant().toString());
        details.put("daysLeft", Duration.between(now, certificate.getNotAfter().toInstant()).toDays());
        return details;
    }
}
