package cn.sedx.gateway.delivery;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of delivery ({@code sedx.delivery.*}): where accepted filings go and how hard to try.
 *
 * @param enabled          whether this process delivers at all (off in the standalone simulator profile)
 * @param dispatchPeriod   how often the outbox looks for stored (RECEIVED) messages to queue
 * @param dispatchBatch    how many messages the outbox queues in one JMS and one database transaction
 * @param queuePrefix      each destination's persistent queue is this prefix plus the destination name
 * @param lanes            how each destination's lanes consume its queue
 * @param sender           the organisation this gateway sends exchange packages as
 * @param destinations     the platforms, by destination name (also the queue suffix)
 * @param requirePlatforms refuse to start unless every destination is a real platform: an absolute https URL
 *                         on a host other than this machine, not a simulator path (on in the production profile)
 * @param keepSentRequests keep the exact request last sent to each destination of a message and its answer (for the
 *                         console's download), written with the attempt's outcome
 */
@Validated
@ConfigurationProperties("sedx.delivery")
public record DeliverySettings(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("100ms") Duration dispatchPeriod,
        @Min(1) @DefaultValue("500") int dispatchBatch,
        @NotBlank @DefaultValue("sedx.delivery.") String queuePrefix,
        @NotNull @Valid @DefaultValue Lanes lanes,
        @NotNull @Valid Sender sender,
        @NotNull Map<@Pattern(regexp = "[a-z0-9][a-z0-9-]{0,40}") String, @Valid Destination> destinations,
        @DefaultValue("false") boolean requirePlatforms,
        @DefaultValue("true") boolean keepSentRequests) {

    /** The persistent queue of one destination. */
    public String queueOf(String destination) {
        return queuePrefix + destination;
    }

    /**
     * How a destination's lanes consume its queue (docs/delivery.md, "Lanes").
     *
     * @param batchSize         most queue messages one lane attempts before it records them in one transaction
     * @param batchWindow       a lane takes more waiting messages into its batch for at most this long
     * @param idleReceive       how long an idle lane waits for a message before it checks its breaker again
     * @param consumerWindow    bytes of messages the broker sends a consumer ahead of its receive; 0 (the default)
     *                          leaves every waiting message to whichever lane is free, so N lanes keep N attempts
     *                          in flight and several nodes share a queue evenly
     * @param reconnectDelay    first wait before a lane that lost its session (broker restart) opens a new one
     */
    public record Lanes(
            @Min(1) @DefaultValue("50") int batchSize,
            @NotNull @DefaultValue("250ms") Duration batchWindow,
            @NotNull @DefaultValue("1s") Duration idleReceive,
            @NotNull @DefaultValue("0B") DataSize consumerWindow,
            @NotNull @DefaultValue("1s") Duration reconnectDelay) {}

    /**
     * The organisation named as sender in the manifests of the packages this gateway builds.
     *
     * @param name       organisation name
     * @param uscc       统一社会信用代码
     * @param regionCode 行政区划代码
     */
    public record Sender(@NotBlank String name, @NotBlank String uscc, @NotBlank String regionCode) {}

    /**
     * One platform the gateway delivers to.
     *
     * @param kind               provincial platform, national platform or document exchange
     * @param province           two-digit province code the provincial platform serves; null for national ones
     * @param url                base URL; a relative one ({@code /sim/...}) means this gateway's own port
     * @param recipientNames     organisation names (主送/抄送) a year-end report may name to reach this destination
     * @param signingKey         name of the signing key (its certificate decides the signature profile)
     * @param formatVersion      version of the wire format the platform expects
     * @param connectTimeout     TCP connect timeout
     * @param readTimeout        how long to wait for the answer to one attempt
     * @param concurrentConsumers how many deliveries to this destination run in parallel
     * @param retry              backoff of retryable failures
     * @param breaker            the destination's circuit breaker
     * @param regionPrefix       the area a LOCAL_REGULATOR serves: a region-code prefix of 2, 4 or 6 digits
     *                           (province, city, county); null for other kinds
     */
    public record Destination(
            @NotNull DestinationKind kind,
            @Pattern(regexp = "\\d{2}") String province,
            @NotNull URI url,
            @DefaultValue List<String> recipientNames,
            @NotBlank @DefaultValue("gateway-sm2") String signingKey,
            @NotBlank @DefaultValue("1.0") String formatVersion,
            @NotNull @DefaultValue("2s") Duration connectTimeout,
            @NotNull @DefaultValue("10s") Duration readTimeout,
            @Min(1) @DefaultValue("2") int concurrentConsumers,
            @NotNull @Valid @DefaultValue Retry retry,
            @NotNull @Valid @DefaultValue Breaker breaker,
            @Pattern(regexp = "\\d{2}|\\d{4}|\\d{6}") String regionPrefix) {

        @ConstructorBinding
        public Destination {}

        /** A destination without a region prefix (the form before LOCAL_REGULATOR existed). */
        public Destination(DestinationKind kind, String province, URI url, List<String> recipientNames,
                String signingKey, String formatVersion, Duration connectTimeout, Duration readTimeout,
                int concurrentConsumers, Retry retry, Breaker breaker) {
            this(kind, province, url, recipientNames, signingKey, formatVersion, connectTimeout, readTimeout,
                    concurrentConsumers, retry, breaker, null);
        }
    }

    /**
     * Exponential backoff with jitter: attempt n waits {@code min(initialDelay × multiplier^(n-1), maxDelay)},
     * spread by ± jitter, until the first attempt is older than {@code giveUpAfter}.
     *
     * @param initialDelay wait before the second attempt
     * @param multiplier   growth of the wait per attempt
     * @param maxDelay     cap of the wait
     * @param jitter       fraction of the wait randomly added or removed (0 to 1)
     * @param giveUpAfter  age of the first attempt after which the delivery is dead-lettered
     */
    public record Retry(
            @NotNull @DefaultValue("1s") Duration initialDelay,
            @DecimalMin("1.0") @DefaultValue("2.0") double multiplier,
            @NotNull @DefaultValue("5m") Duration maxDelay,
            @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.2") double jitter,
            @NotNull @DefaultValue("24h") Duration giveUpAfter) {}

    /**
     * The circuit breaker of one destination (resilience4j, count-based window).
     *
     * @param failureRateThreshold percentage of failed calls in the window that opens the breaker
     * @param slidingWindowSize    number of recent calls considered
     * @param minimumCalls         calls needed before the rate is judged
     * @param openWait             how long the breaker stays open before probing
     * @param halfOpenCalls        probe calls allowed while half-open
     */
    public record Breaker(
            @Min(1) @DefaultValue("50") int failureRateThreshold,
            @Min(1) @DefaultValue("10") int slidingWindowSize,
            @Min(1) @DefaultValue("5") int minimumCalls,
            @NotNull @DefaultValue("30s") Duration openWait,
            @Min(1) @DefaultValue("2") int halfOpenCalls) {}
}
