package cn.sedx.gateway.audit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the audit trail ({@code sedx.audit.*}).
 *
 * @param sealPeriod   how often appended entries are chained
 * @param sealBatch    how many entries one seal chains at most
 * @param signHeadCron Quartz cron of the daily head signature
 * @param signingKey   the signing key (a {@code sedx.signing} key name) the head is signed with
 */
@Validated
@ConfigurationProperties("sedx.audit")
record AuditSettings(
        @NotNull Duration sealPeriod, @Min(1) int sealBatch, @NotBlank String signHeadCron, @NotBlank String signingKey) {}
