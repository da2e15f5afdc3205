package cn.sedx.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.support.ExternalTools;
import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * deploy/: the Prometheus alert rules pass {@code promtool} (syntax and their unit tests), and every gateway metric
 * the rules and the Grafana dashboard name is in a real scrape of a running gateway.
 */
@GatewayTest
class MonitoringContractTests {

    private static final Path PROMETHEUS = Path.of("deploy/prometheus");
    private static final Path DASHBOARD = Path.of("deploy/grafana/sedx-gateway.json");
    private static final Pattern METRIC = Pattern.compile("\\b(sedx_[a-z0-9_]+)\\b");

    @LocalServerPort
    int port;

    @Autowired
    GatewayMetrics metrics;

    @Test
    void promtoolAcceptsTheRulesTheirUnitTestsAndTheScrapeConfiguration() {
        for (String[] check : new String[][] {{"check", "rules", "sedx-alerts.yaml"},
                {"test", "rules", "sedx-alerts.test.yaml"}, {"check", "config", "prometheus.yml"}}) {
            ExternalTools.Result result = ExternalTools.run(PROMETHEUS, "promtool", check[0], check[1], check[2]);
            assertThat(result.exitCode()).as("promtool " + String.join(" ", check) + ": " + result.output()).isZero();
        }
    }

    @Test
    void everyMetricOfTheRulesAndTheDashboardIsInARealScrape() throws IOException {
        // a series exists once its event happened: a filing received, and (recorded by delivery) an attempt and a delivery
        assertThat(new Http(port).asProvince().postJson("/api/v1/personnel-filings",
                Fixtures.bytes("personnel-filing/valid-use-unit.json")).statusCode()).isEqualTo(202);
        metrics.attempt("province-44", "ACKNOWLEDGED", Duration.ofMillis(120));
        metrics.delivered(MessageType.PERSONNEL_FILING, Duration.ofSeconds(2));
        Set<String> scraped = Scrape.of(port).names();

        Set<String> used = new TreeSet<>(metricsIn(Files.readString(PROMETHEUS.resolve("sedx-alerts.yaml"))));
        Set<String> dashboard = new TreeSet<>();
        for (JsonNode panel : new ObjectMapper().readTree(DASHBOARD.toFile()).get("panels")) {
            panel.path("targets").forEach(target -> dashboard.addAll(metricsIn(target.get("expr").asText())));
        }
        used.addAll(dashboard);

        assertThat(dashboard).hasSizeGreaterThanOrEqualTo(20);
        assertThat(used).as("metrics named in deploy/ but not exposed").isSubsetOf(scraped);
    }

    private static Set<String> metricsIn(String text) {
        Set<String> names = new TreeSet<>();
        Matcher metric = METRIC.matcher(text);
        while (metric.find()) {
            names.add(metric.group(1));
        }
        return names;
    }
}
