package cn.sedx.gateway.security.web;

import cn.sedx.gateway.security.AuthenticationThrottle;
import cn.sedx.gateway.security.SecuritySettings;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks operators' and auditors' HTTP Basic passwords. In order: a credential verified recently is taken at once
 * ({@link RecentCredentials}); otherwise the failure is counted first ({@link AuthenticationThrottle#reserve}), so a
 * source over its limit is refused before any bcrypt runs; then the check waits for one of a few process-wide
 * permits, so a flood from many addresses cannot take every core; an unknown user name is checked against a dummy
 * hash of the same bcrypt cost as the real ones, so it takes as long as a wrong password. Thread-safe.
 */
final class OperatorAuthentication implements AuthenticationProvider {

    private static final String BCRYPT_ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int BCRYPT_DIGEST_LENGTH = 31;
    private static final Pattern BCRYPT_COST = Pattern.compile("^\\{bcrypt}\\$2[aby]?\\$(\\d\\d)\\$");

    /** The source is over its failure limit: answered 429. */
    static final class Throttled extends AuthenticationException {
        private final long retryAfter;

        Throttled(long retryAfter) {
            super("too many failed authentications from this address");
            this.retryAfter = retryAfter;
        }

        long retryAfter() {
            return retryAfter;
        }
    }

    /** No permit for a check came free in time: answered 429, retry at once. */
    static final class Busy extends AuthenticationException {
        Busy() {
            super("too many password checks at once");
        }
    }

    private final Map<String, SecuritySettings.OperatorSettings> operators;
    private final PasswordEncoder encoder;
    private final AuthenticationThrottle throttle;
    private final RecentCredentials recent;
    private final Semaphore permits;
    private final long maxWaitMillis;
    private final String dummyHash;
    private final AtomicInteger checking = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final AtomicInteger checksRun = new AtomicInteger();

    OperatorAuthentication(SecuritySettings settings, PasswordEncoder encoder, AuthenticationThrottle throttle,
            Clock clock) {
        this.operators = settings.operators();
        this.encoder = encoder;
        this.throttle = throttle;
        this.recent = new RecentCredentials(settings.passwordChecks().rememberSuccess(), clock);
        this.permits = new Semaphore(settings.passwordChecks().permits(), true);
        this.maxWaitMillis = settings.passwordChecks().maxWait().toMillis();
        this.dummyHash = dummyHash(cost(operators));
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = request.getName();
        String password = String.valueOf(request.getCredentials());
        String role = recent.role(username, password).orElse(null);
        if (role == null) {
            role = check(source(request), username, password);
            recent.remember(username, password, role);
        }
        return UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role)));
    }

    private String check(String source, String username, String password) {
        AuthenticationThrottle.Reservation failure = throttle.reserve(source)
                .orElseThrow(() -> new Throttled(throttle.retryAfterSeconds(source)));
        SecuritySettings.OperatorSettings operator = operators.get(username);
        if (!verify(password, operator == null ? dummyHash : operator.passwordHash(), failure) || operator == null) {
            throw new BadCredentialsException("bad credentials");
        }
        failure.succeeded();
        return operator.role().name();
    }

    private boolean verify(String password, String hash, AuthenticationThrottle.Reservation failure) {
        try {
            if (!permits.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS)) {
                failure.succeeded();
                throw new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.succeeded();
            throw new Busy();
        }
        try {
            mostAtOnce.accumulateAndGet(checking.incrementAndGet(), Math::max);
            checksRun.incrementAndGet();
            return encoder.matches(password, hash);
        } finally {
            checking.decrementAndGet();
            permits.release();
        }
    }

    /** Bcrypt checks run so far, and the most that ran at once (for tests and diagnosis). */
    int checksRun() {
        return checksRun.get();
    }

    int mostAtOnce() {
        return mostAtOnce.get();
    }

    /** The bcrypt cost of the dummy hash (the highest of the configured hashes, 12 if none is bcrypt). */
    static int cost(Map<String, SecuritySettings.OperatorSettings> operators) {
        return operators.values().stream().map(o -> BCRYPT_COST.matcher(o.passwordHash())).filter(Matcher::find)
                .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(12);
    }

    String dummyHash() {
        return dummyHash;
    }

    private static String source(Authentication request) {
        return request.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "";
    }

    /**
     * A bcrypt hash of the given cost that no password matches: a random salt and a random digest. Checking a
     * password against it costs what a real check costs (the digest is computed from the salt and compared), but
     * making it costs nothing; encoding a random password here took 0.5–2 s of the start's main thread.
     */
    static String dummyHash(int cost) {
        SecureRandom random = new SecureRandom();
        StringBuilder digest = new StringBuilder(BCRYPT_DIGEST_LENGTH);
        for (int i = 0; i < BCRYPT_DIGEST_LENGTH; i++) {
            digest.append(BCRYPT_ALPHABET.charAt(random.nextInt(BCRYPT_ALPHABET.length())));
        }
        return "{bcrypt}" + BCrypt.gensalt("$2a", cost, random) + digest;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
