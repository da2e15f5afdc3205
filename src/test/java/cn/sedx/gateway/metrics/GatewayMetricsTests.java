package cn.sedx.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.shared.MessageType;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The recording calls, as Prometheus reads them: names, tags and histogram buckets. */
class GatewayMetricsTests {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final GatewayMetrics metrics = new GatewayMetrics(registry);

    @Test
    void countsFilingsByTypeChannelAndOutcome() {
        metrics.received(MessageType.PERSONNEL_FILING, "REST", GatewayMetrics.Intake.ACCEPTED);
        metrics.received(MessageType.PERSONNEL_FILING, "REST", GatewayMetrics.Intake.ACCEPTED);
        metrics.received(MessageType.SAFETY_RECORD, "BATCH", GatewayMetrics.Intake.REFUSED);

        String scrape = registry.scrape();
        assertThat(scrape).contains(
                "sedx_filings_received_total{channel=\"REST\",outcome=\"accepted\",type=\"PERSONNEL_FILING\"} 2.0",
                "sedx_filings_received_total{channel=\"BATCH\",outcome=\"refused\",type=\"SAFETY_RECORD\"} 1.0");
    }

    @Test
    void recordsAttemptsInAHistogramByDestinationAndOutcome() {
        metrics.attempt("province-44", "ACKNOWLEDGED", Duration.ofMillis(80));
        metrics.attempt("province-44", "ACKNOWLEDGED", Duration.ofMillis(700));
        metrics.attempt("province-44", "RETRY", Duration.ofSeconds(3));

        String scrape = registry.scrape();
        assertThat(scrape).contains(
                "sedx_delivery_attempt_seconds_bucket{destination=\"province-44\",outcome=\"acknowledged\",le=\"0.1\"} 1",
                "sedx_delivery_attempt_seconds_bucket{destination=\"province-44\",outcome=\"acknowledged\",le=\"1.0\"} 2",
                "sedx_delivery_attempt_seconds_count{destination=\"province-44\",outcome=\"acknowledged\"} 2",
                "sedx_delivery_attempt_seconds_count{destination=\"province-44\",outcome=\"retry\"} 1");
    }

    @Test
    void recordsEndToEndLatencyByType() {
        metrics.delivered(MessageType.YEAR_END_REPORT, Duration.ofSeconds(4));

        assertThat(registry.scrape()).contains(
                "sedx_delivery_end_to_end_seconds_bucket{type=\"YEAR_END_REPORT\",le=\"2.5\"} 0",
                "sedx_delivery_end_to_end_seconds_bucket{type=\"YEAR_END_REPORT\",le=\"5.0\"} 1",
                "sedx_delivery_end_to_end_seconds_sum{type=\"YEAR_END_REPORT\"} 4.0");
    }
}
