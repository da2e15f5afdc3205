package cn.sedx.gateway.intake.batch;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the nodes of a cluster share one batch inbox ({@code sedx.batch.claims.*}, docs/scale-out.md "Pollers").
 *
 * @param lease how long a node's claim on a file it reads lasts: when the node dies mid-file, another node
 *              takes the file after this (its records already stored are recognised by their idempotency
 *              keys); longer than the slowest file takes, at least one second
 */
@Validated
@ConfigurationProperties("sedx.batch.claims")
record BatchClaimSettings(
        @NotNull @DurationMin(seconds = 1) @DefaultValue("PT30M") Duration lease) {}
