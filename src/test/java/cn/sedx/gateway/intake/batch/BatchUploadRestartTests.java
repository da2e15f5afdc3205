package cn.sedx.gateway.intake.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.SedxApplication;
import cn.sedx.gateway.messagestore.MessageQuery;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.support.FreshDataDirectory;
import cn.sedx.gateway.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An uploaded batch that a stop interrupts is resumed when the gateway starts again on the same data: its records
 * already stored answer as repeated, none is stored twice, none is lost.
 */
class BatchUploadRestartTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Enough that the stop lands in the middle of the file even when the machine is slow to stop the gateway. */
    private static final int RECORDS = 2000;

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(SedxApplication.class).run("--server.port=0", "--sedx.data-dir=" + dataDir,
                "--spring.artemis.embedded.server-id=4343", "--sedx.batch-uploads.progress-period=20ms",
                "--sedx.delivery.enabled=false", "--sedx.upload.enabled=false", "--sedx.batch.enabled=false");
    }

    @Test
    void resumesABatchInterruptedByAStopWithoutStoringARecordTwice() throws Exception {
        Path dataDir = FreshDataDirectory.folder("batch-restart");
        String id;
        long before;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            Http http = http(first);
            id = JSON.readTree(http.postFile("/api/v1/batches", "many.jsonl", file()).body()).path("batchId").asText();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                    .until(() -> status(http, id).path("records").asLong() >= 10);
        }
        try (ConfigurableApplicationContext second = start(dataDir)) {
            Http http = http(second);
            before = status(http, id).path("records").asLong();
            assertThat(before).isBetween(10L, RECORDS - 1L);
            await().atMost(Duration.ofSeconds(300)).until(() -> status(http, id).path("state").asText().equals("DONE"));
            JsonNode done = status(http, id);
            assertThat(done.path("accepted").asLong()).isEqualTo(RECORDS);
            assertThat(done.path("repeated").asLong()).isGreaterThanOrEqualTo(10);
            MessageStore store = second.getBean(MessageStore.class);
            assertThat(store.search(new MessageQuery(null, null, null, "gd-province", null, null, 0, 1)).total())
                    .isEqualTo(RECORDS);
        }
    }

    private static byte[] file() throws IOException {
        String line;
        try (InputStream in = BatchUploadRestartTests.class.getResourceAsStream("/batch/two-records.jsonl")) {
            line = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        }
        return (line + "\n").repeat(RECORDS).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode status(Http http, String id) throws IOException {
        return JSON.readTree(http.get("/api/v1/batches/" + id).body());
    }

    private static Http http(ConfigurableApplicationContext context) {
        return new Http(((WebServerApplicationContext) context).getWebServer().getPort()).asProvince();
    }
}
