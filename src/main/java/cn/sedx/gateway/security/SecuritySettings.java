package cn.sedx.gateway.security;

import cn.sedx.gateway.shared.MessageType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may use the gateway ({@code sedx.security.*}). Credentials are kept only as hashes: a SHA-256 of each
 * system's bearer token, a {@code {bcrypt}} hash of each operator's password.
 *
 * @param systems   the registered submitting systems, by id
 * @param operators the operators and auditors, by user name
 * @param rateLimit requests each system may make
 * @param failedAuthentication how failed authentication is throttled per source address
 * @param passwordChecks how operators' passwords are checked (bcrypt is costly: bounded and remembered)
 */
@Validated
@ConfigurationProperties("sedx.security")
public record SecuritySettings(
        @Valid Map<String, SystemSettings> systems,
        @Valid Map<String, OperatorSettings> operators,
        @Valid @NotNull RateLimitSettings rateLimit,
        @Valid @NotNull FailedAuthenticationSettings failedAuthentication,
        @Valid @NotNull @DefaultValue PasswordCheckSettings passwordChecks) {

    public SecuritySettings {
        systems = systems == null ? Map.of() : Map.copyOf(systems);
        operators = operators == null ? Map.of() : Map.copyOf(operators);
        systems.forEach(SecuritySettings::checkKind);
    }

    /** A system may be allowed only the types its kind permits, and an agency must name its approval number. */
    private static void checkKind(String id, SystemSettings system) {
        Set<MessageType> refused = system.messageTypes().stream().filter(t -> !system.kind().permits(t))
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("sedx.security.systems." + id + ": a " + system.kind()
                    + " system may not submit " + refused);
        }
        if (system.kind() == SystemKind.AGENCY && (system.approvalNumber() == null
                || system.approvalNumber().isBlank())) {
            throw new IllegalArgumentException("sedx.security.systems." + id + ": an AGENCY needs its approval-number");
        }
    }

    /**
     * One submitting system (a licensing platform, a registration platform, an enterprise system).
     *
     * @param displayName       shown to operators
     * @param jurisdiction      region-code prefix it may file for: province {@code 44}, city {@code 4401}, county {@code 440106}
     * @param messageTypes      the message types it may submit
     * @param tokenSha256       hex SHA-256 of its bearer token, or null when it uses a client certificate only
     * @param certificateSha256 hex SHA-256 of its TLS client certificate (DER), or null
     * @param kind              LOCAL (default), REGULATOR or AGENCY; bounds {@code messageTypes}
     * @param approvalNumber    an AGENCY's approval number (核准证号), required for agencies, else null
     */
    public record SystemSettings(
            @NotBlank String displayName,
            @NotBlank @Pattern(regexp = "\\d{2}|\\d{4}|\\d{6}") String jurisdiction,
            @NotNull Set<MessageType> messageTypes,
            @Pattern(regexp = "[0-9a-f]{64}") String tokenSha256,
            @Pattern(regexp = "[0-9a-f]{64}") String certificateSha256,
            @DefaultValue("LOCAL") SystemKind kind,
            @Pattern(regexp = "[0-9A-Za-z-]{1,50}") String approvalNumber) {

        @ConstructorBinding
        public SystemSettings {
            kind = kind == null ? SystemKind.LOCAL : kind;
        }

        /** A LOCAL system (the form before system kinds existed). */
        public SystemSettings(String displayName, String jurisdiction, Set<MessageType> messageTypes,
                String tokenSha256, String certificateSha256) {
            this(displayName, jurisdiction, messageTypes, tokenSha256, certificateSha256, SystemKind.LOCAL, null);
        }

        @Override
        public String toString() {
            return "SystemSettings[" + displayName + ", " + kind + ", jurisdiction=" + jurisdiction + "]";
        }
    }

    /**
     * One operator or auditor.
     *
     * @param passwordHash a Spring Security encoded hash, e.g. {@code {bcrypt}$2a$12$…}; never the password
     * @param role         OPERATOR (reads and changes) or AUDITOR (reads only)
     */
    public record OperatorSettings(@NotBlank String passwordHash, @NotNull Role role) {

        @Override
        public String toString() {
            return "OperatorSettings[" + role + "]";
        }
    }

    /**
     * @param requestsPerSecond requests one system may make each second before it is answered 429
     */
    public record RateLimitSettings(@Min(1) @DefaultValue("2000") int requestsPerSecond) {}

    /**
     * @param maxFailures failed authentications one source address may make per window before it is refused
     * @param window      the window failures are counted over
     */
    public record FailedAuthenticationSettings(
            @Min(1) @DefaultValue("20") int maxFailures, @NotNull @DefaultValue("1m") Duration window) {}

    /**
     * @param concurrentChecks bcrypt checks run at once in the process (0: half the processors, at least one), so a
     *                         flood of guesses from many addresses cannot take every core
     * @param maxWait          how long a check waits for its turn before the request is answered 429
     * @param rememberSuccess  how long a verified operator credential is taken again without bcrypt (0: never);
     *                         kept only as a salted hash in memory
     */
    public record PasswordCheckSettings(
            @Min(0) @DefaultValue("0") int concurrentChecks,
            @NotNull @DefaultValue("2s") Duration maxWait,
            @NotNull @DefaultValue("5m") Duration rememberSuccess) {

        /** The number of checks that may run at once. */
        public int permits() {
            return concurrentChecks > 0 ? concurrentChecks : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        }
    }

    /** What an operator account may do. */
    public enum Role {
        OPERATOR,
        AUDITOR
    }
}
