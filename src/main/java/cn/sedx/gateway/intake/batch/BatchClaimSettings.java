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
 * @param lease      how long a node's claim on a file it reads lasts without being renewed: when the node dies
 *                   mid-file, another node (or the same one restarted) takes the file after this (its records already
 *                   stored are recognised by their idempotency keys); at least one second
 * @param renewEvery how often a node renews the claims of the files it is reading, so that a live node keeps a file
 *                   however long it takes; shorter than the lease
 */
@Validated
@ConfigurationProperties("sedx.batch.claims")
record BatchClaimSettings(
        @NotNull @DurationMin(seconds = 1) @DefaultValue("2m") Duration lease,
        @NotNull @DurationMin(millis = 100) @DefaultValue("30s") Duration renewEvery) {

    BatchClaimSettings {
        if (lease != null && renewEvery != null && renewEvery.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("sedx.batch.claims.renew-every (" + renewEvery
                    + ") must be shorter than sedx.batch.claims.lease (" + lease + ")");
        }
    }
}
