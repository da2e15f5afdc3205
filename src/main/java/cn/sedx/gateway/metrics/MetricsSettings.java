package cn.sedx.gateway.metrics;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the gateway's gauges ({@code sedx.metrics.*}).
 *
 * @param cacheFor        how long a scrape reuses the figures read from the database and the broker
 * @param brokerTimeout   how long to wait for the broker's answer about one queue's depth
 * @param auditCheckEvery how often the audit chain is verified in full for {@code sedx_audit_chain_intact}
 */
@Validated
@ConfigurationProperties("sedx.metrics")
record MetricsSettings(
        @NotNull @DefaultValue("5s") Duration cacheFor,
        @NotNull @DefaultValue("2s") Duration brokerTimeout,
        @NotNull @DefaultValue("1h") Duration auditCheckEvery) {}
