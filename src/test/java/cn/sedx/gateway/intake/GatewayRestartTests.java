package cn.sedx.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.SedxApplication;
import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.FreshDataDirectory;
import cn.sedx.gateway.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A restarted gateway keeps every accepted filing, its payload and its history. */
class GatewayRestartTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ConfigurableApplicationContext start(Path dataDir) {
        // command-line arguments outrank application.yaml (builder properties would not)
        return new SpringApplicationBuilder(SedxApplication.class)
                .run("--server.port=0", "--sedx.data-dir=" + dataDir, "--spring.artemis.embedded.server-id=4242");
    }

    private static Http http(ConfigurableApplicationContext context) {
        return new Http(((WebServerApplicationContext) context).getWebServer().getPort()).asProvince();
    }

    @Test
    void keepsEveryAcceptedFilingAndItsHistoryAcrossARestart() throws Exception {
        Path dataDir = FreshDataDirectory.folder("restart");
        List<String> ids = new ArrayList<>();
        List<JsonNode> before = new ArrayList<>();
        try (ConfigurableApplicationContext first = start(dataDir)) {
            Http http = http(first);
            for (String fixture : List.of("personnel-filing/valid-use-unit.json",
                    "safety-record/valid-daily-check.json")) {
                String path = fixture.startsWith("personnel") ? "/api/v1/personnel-filings" : "/api/v1/safety-records";
                var response = http.postJson(path, Fixtures.bytes(fixture), "Idempotency-Key", fixture);
                assertThat(response.statusCode()).isEqualTo(202);
                ids.add(JSON.readTree(response.body()).get("messageId").asText());
            }
            for (String id : ids) {
                before.add(JSON.readTree(http.get("/api/v1/messages/" + id).body()));
            }
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            Http http = http(second);
            for (int i = 0; i < ids.size(); i++) {
                JsonNode after = JSON.readTree(http.get("/api/v1/messages/" + ids.get(i)).body());
                assertThat(after.get("bodySha256")).isEqualTo(before.get(i).get("bodySha256"));
                assertThat(after.get("receivedAt")).isEqualTo(before.get(i).get("receivedAt"));
                assertThat(after.get("history").size()).isGreaterThanOrEqualTo(before.get(i).get("history").size());
                assertThat(after.get("history").get(0)).isEqualTo(before.get(i).get("history").get(0));
            }
            var repeat = http.postJson("/api/v1/personnel-filings",
                    Fixtures.bytes("personnel-filing/valid-use-unit.json"), "Idempotency-Key",
                    "personnel-filing/valid-use-unit.json");
            assertThat(JSON.readTree(repeat.body()).get("messageId").asText()).isEqualTo(ids.get(0));
        }
    }
}
