package cn.sedx.gateway.intake.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.messagestore.StoredMessage;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.support.CampaignGateway;
import cn.sedx.gateway.support.CampaignGatewayTest;
import cn.sedx.gateway.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The campaign's other records in batch files: JSON Lines naming each record's type, and XML batches of the SOAP
 * types, each record through the same intake, validation and acceptance steps as over REST.
 */
@CampaignGatewayTest
class CampaignBatchTests {

    @Autowired
    BatchSettings settings;

    @Autowired
    MessageStore store;

    @Autowired
    TestClock clock;

    @Test
    void takesTrainingRecordsAndReportsFromJsonLinesAndReportsTheBadOne() throws Exception {
        LocalDate today = clock.today();
        ObjectNode bad = CampaignGateway.trainingRecord(CampaignGateway.newUscc("440106"), "440106", today);
        ((ObjectNode) bad.get("person")).put("role", "PRINCIPAL");
        String lines = line("TRAINING_RECORD", CampaignGateway.trainingRecord(CampaignGateway.newUscc("440106"),
                "440106", today)) + line("TRAINING_RECORD", bad) + "\n";
        String name = "training-" + UUID.randomUUID() + ".jsonl";

        JsonNode summary = drop("gd-province", name, lines, "failed");
        JsonNode reports = drop("gd-inspection-agency", "reports-" + UUID.randomUUID() + ".jsonl",
                line("AGENCY_REPORT", CampaignGateway.agencyReport(CampaignGateway.newUscc("440106"), "440106",
                        today)), "processed");

        assertThat(summary.path("accepted").asLong()).isEqualTo(1);
        assertThat(summary.path("failed").asLong()).isEqualTo(1);
        JsonNode errors = CampaignGateway.JSON.readTree(inbox("gd-province").resolve("failed")
                .resolve(name + ".errors.json").toFile());
        assertThat(errors.findValuesAsText("code")).contains("TRAINING_ROLE_INVALID");
        assertThat(errors.findValuesAsText("field")).contains("/filing/person/role");
        assertThat(reports.path("accepted").asLong()).isEqualTo(1);
        StoredMessage report = store.findByIdempotencyKey("gd-inspection-agency", reports.path("sha256").asText()
                + ":1").orElseThrow();
        assertThat(report.type()).isEqualTo(MessageType.AGENCY_REPORT);
        assertThat(report.channel()).isEqualTo("BATCH");
    }

    @Test
    void takesRectificationOrdersFromAMinifiedXmlBatch() throws Exception {
        LocalDate today = clock.today();
        String uscc = CampaignGateway.newUscc("440106");
        String number = "穗天市监特令〔2026〕X" + System.nanoTime() + "号";
        // minified: no whitespace between the records, nor after the last one
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sub:Batch xmlns:sub=\"http://sedx.cn/ws/submission/1\">"
                + orderXml(number, uscc, today) + orderXml(number + "-2", CampaignGateway.newUscc("440106"), today)
                + "</sub:Batch>";

        JsonNode summary = drop("tianhe-regulator", "orders-" + UUID.randomUUID() + ".xml", xml, "processed");

        assertThat(summary.path("accepted").asLong()).isEqualTo(2);
        StoredMessage order = store.findByIdempotencyKey("tianhe-regulator", summary.path("sha256").asText() + ":1")
                .orElseThrow();
        assertThat(order.type()).isEqualTo(MessageType.RECTIFICATION_ORDER);
        assertThat(order.unitUscc()).isEqualTo(uscc);
        assertThat(CampaignGateway.JSON.readTree(store.payload(order.id()).orElseThrow()).at("/failings/0/code")
                .asText()).isEqualTo("NO_MONTHLY_DISPATCH");
        assertThat(store.findByIdempotencyKey("tianhe-regulator", summary.path("sha256").asText() + ":2"))
                .isPresent();
    }

    private static String orderXml(String number, String uscc, LocalDate today) {
        return "<sub:rectificationOrder>"
                + "<sub:orderNumber>" + number + "</sub:orderNumber>"
                + "<sub:issuingAuthority><sub:name>广州市天河区市场监督管理局</sub:name><sub:uscc>11440106MB2C00000K</sub:uscc>"
                + "<sub:regionCode>440106</sub:regionCode></sub:issuingAuthority>"
                + "<sub:unitUscc>" + uscc + "</sub:unitUscc><sub:regionCode>440106</sub:regionCode>"
                + "<sub:failings><sub:code>NO_MONTHLY_DISPATCH</sub:code></sub:failings>"
                + "<sub:legalBasis>《特种设备使用单位落实使用安全主体责任监督管理规定》第十条</sub:legalBasis>"
                + "<sub:issuedOn>" + today + "</sub:issuedOn><sub:deadline>" + today.plusDays(15) + "</sub:deadline>"
                + "</sub:rectificationOrder>";
    }

    private static String line(String type, JsonNode filing) {
        return "{\"type\":\"" + type + "\",\"filing\":" + filing + "}\n";
    }

    private Path inbox(String system) {
        return settings.root().resolve(system);
    }

    /** Drops a file with its marker and waits for it to be taken; expects it moved to {@code outcome}. */
    private JsonNode drop(String system, String name, String content, String outcome) throws IOException {
        Path inbox = Files.createDirectories(inbox(system));
        Files.writeString(inbox.resolve(name), content, StandardCharsets.UTF_8);
        Files.writeString(inbox.resolve(name + ".done"), "", StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(60)).until(() -> taken(inbox, name, "processed")
                || taken(inbox, name, "failed"));
        Path errors = inbox.resolve("failed").resolve(name + ".errors.json");
        assertThat(taken(inbox, name, outcome))
                .as("%s went to %s: %s", name, outcome, Files.exists(errors) ? Files.readString(errors) : "")
                .isTrue();
        return CampaignGateway.JSON.readTree(inbox.resolve(outcome).resolve(name + ".summary.json").toFile());
    }

    private static boolean taken(Path inbox, String name, String outcome) {
        return Files.exists(inbox.resolve(outcome).resolve(name))
                && Files.exists(inbox.resolve(outcome).resolve(name + ".summary.json"));
    }
}
