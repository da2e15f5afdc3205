package cn.sedx.gateway.metrics;

import cn.sedx.gateway.audit.AuditVerifier;
import cn.sedx.gateway.signing.SigningKeys;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires the gateway's gauges; {@link GatewayMetrics} and {@link DestinationStatus} are components. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean(destroyMethod = "close")
    AuditChainCheck auditChainCheck(AuditVerifier verifier, MetricsSettings settings, Clock clock) {
        return new AuditChainCheck(verifier, settings.auditCheckEvery(), clock);
    }

    @Bean
    GatewayGauges gatewayGauges(DestinationStatus destinations, JdbcClient jdbc, MetricsSettings settings,
            AuditChainCheck audit, SigningKeys keys, Clock clock) {
        return new GatewayGauges(destinations, new GatewayFigures(jdbc, settings, clock), audit, keys, clock);
    }
}
