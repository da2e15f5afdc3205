package cn.sedx.gateway.replay;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of replays and the stuck-message view ({@code sedx.replay.*}).
 *
 * @param dispatchPeriod       how often the replay route puts the next messages of running replays back on
 *                             their queues
 * @param defaultRatePerSecond replay rate when a request names none
 * @param maxRatePerSecond     highest replay rate a request may ask for
 * @param maxMessages          most messages one replay (or dry run) may select
 * @param stuckAfter           default age after which a message in a non-final state counts as stuck
 * @param claimLease           how long a node's claim on the replay items it is putting back lasts; when the node
 *                             dies mid-way, another takes the items over after this; at least one second
 */
@Validated
@ConfigurationProperties("sedx.replay")
public record ReplaySettings(
        @NotNull @DefaultValue("1s") Duration dispatchPeriod,
        @Min(1) @DefaultValue("50") int defaultRatePerSecond,
        @Min(1) @DefaultValue("1000") int maxRatePerSecond,
        @Min(1) @DefaultValue("10000") int maxMessages,
        @NotNull @DefaultValue("PT15M") Duration stuckAfter,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("PT1M") Duration claimLease) {}
