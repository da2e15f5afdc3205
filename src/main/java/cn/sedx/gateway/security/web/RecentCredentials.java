package cn.sedx.gateway.security.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Operator credentials that passed bcrypt recently, so the next requests with them skip the costly check (and keep
 * working from an address the failure throttle refuses). A credential is kept only as its HMAC-SHA256 under a
 * random key of this process, never in clear; only verified credentials are kept, so the map holds at most one
 * entry per operator. Thread-safe.
 */
final class RecentCredentials {

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final Duration keep;
    private final Clock clock;

    private record Entry(String role, Instant until) {}

    RecentCredentials(Duration keep, Clock clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.keep = keep;
        this.clock = clock;
    }

    /** The role of a credential verified less than {@code keep} ago, or empty. */
    Optional<String> role(String username, String password) {
        if (keep.isZero()) {
            return Optional.empty();
        }
        String hash = hash(username, password);
        Entry entry = entries.get(hash);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.until())) {
            entries.remove(hash, entry);
            return Optional.empty();
        }
        return Optional.of(entry.role());
    }

    /** Remembers a credential bcrypt just verified; an older credential of the same user is dropped on expiry. */
    void remember(String username, String password, String role) {
        if (!keep.isZero()) {
            Instant now = clock.instant();
            entries.values().removeIf(entry -> !now.isBefore(entry.until()));
            entries.put(hash(username, password), new Entry(role, now.plus(keep)));
        }
    }

    private String hash(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
