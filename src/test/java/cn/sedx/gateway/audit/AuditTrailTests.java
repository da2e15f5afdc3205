package cn.sedx.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Http;
import cn.sedx.gateway.support.SampleCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@GatewayTest
class AuditTrailTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Http system;
    private Http operator;

    @BeforeEach
    void clients() {
        system = new Http(port).asProvince();
        operator = new Http(port).basic(SampleCredentials.OPERATOR, SampleCredentials.OPERATOR_PASSWORD);
    }

    private JsonNode json(String body) throws Exception {
        return JSON.readTree(body);
    }

    private String submit() throws Exception {
        return json(system.postJson("/api/v1/personnel-filings",
                Fixtures.bytes("personnel-filing/valid-use-unit.json")).body()).get("messageId").asText();
    }

    private void awaitSealed(String messageId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM audit_entry WHERE message_id = ? AND seq IS NOT NULL AND action = 'STATE_QUEUED'")
                .param(messageId).query(Long.class).single() == 1);
    }

    @Test
    void recordsEveryStateChangeAndSealsItIntoAnIntactChain() throws Exception {
        String id = submit();
        awaitSealed(id);

        JsonNode entries = json(operator.get("/api/v1/admin/audit?messageId=" + id).body());
        assertThat(entries.findValuesAsText("action")).contains("STATE_RECEIVED", "STATE_QUEUED");
        JsonNode report = json(operator.get("/api/v1/admin/audit/verify").body());
        assertThat(report.get("intact").asBoolean()).isTrue();
        assertThat(report.get("entriesChecked").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void reportsTheFirstEntryEditedAfterSealing() throws Exception {
        String id = submit();
        awaitSealed(id);
        long seq = jdbc.sql("SELECT seq FROM audit_entry WHERE message_id = ? AND action = 'STATE_RECEIVED'")
                .param(id).query(Long.class).single();
        String original = jdbc.sql("SELECT actor FROM audit_entry WHERE seq = ?").param(seq).query(String.class)
                .single();
        try {
            jdbc.sql("UPDATE audit_entry SET actor = 'intruder' WHERE seq = ?").param(seq).update();

            JsonNode report = json(operator.get("/api/v1/admin/audit/verify").body());

            assertThat(report.get("intact").asBoolean()).isFalse();
            assertThat(report.get("firstBrokenSeq").asLong()).isEqualTo(seq);
            assertThat(report.get("problem").asText()).contains("changed");
        } finally {
            jdbc.sql("UPDATE audit_entry SET actor = ? WHERE seq = ?").params(original, seq).update();
        }
        assertThat(json(operator.get("/api/v1/admin/audit/verify").body()).get("intact").asBoolean()).isTrue();
    }

    @Test
    void signedHeadsPinTheChain() throws Exception {
        awaitSealed(submit());
        var signed = operator.postJson("/api/v1/admin/audit/head-signatures", "{\"reason\":\"test of head signing\"}");
        assertThat(signed.statusCode()).isEqualTo(201);
        long seq = json(signed.body()).get("seq").asLong();
        assertThat(seq).isPositive();

        JsonNode report = json(operator.get("/api/v1/admin/audit/verify").body());
        assertThat(report.get("intact").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("headsChecked").asInt()).isPositive();

        String digest = jdbc.sql("SELECT digest FROM audit_head_signature WHERE seq = ?").param(seq)
                .query(String.class).list().get(0);
        try {
            jdbc.sql("UPDATE audit_head_signature SET digest = ? WHERE seq = ?").params("f".repeat(64), seq).update();
            JsonNode broken = json(operator.get("/api/v1/admin/audit/verify").body());
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.get("firstBrokenSeq").asLong()).isEqualTo(seq);
        } finally {
            jdbc.sql("UPDATE audit_head_signature SET digest = ? WHERE seq = ?").params(digest, seq).update();
        }
    }

    @Test
    void recordsRefusalsAndOperatorActionsWithoutPersonalNumbers() throws Exception {
        system.postJson("/api/v1/personnel-filings", Fixtures.bytes("personnel-filing/id-number-bad-check-digit.json"));
        operator.postJson("/api/v1/admin/audit/head-signatures", "{\"reason\":\"operator 13812345678 checks\"}");

        List<String> refusals = jdbc.sql("SELECT detail FROM audit_entry WHERE action = 'SUBMISSION_REFUSED'")
                .query(String.class).list();
        assertThat(refusals).anySatisfy(detail -> assertThat(detail).contains("ID_NUMBER_CHECKSUM"));
        List<String> details = jdbc.sql("SELECT detail FROM audit_entry WHERE detail IS NOT NULL")
                .query(String.class).list();
        assertThat(details).noneMatch(detail -> detail.matches(".*\\d{17}[0-9X].*") || detail.contains("13812345678"));
        assertThat(details).anySatisfy(detail -> assertThat(detail).contains("138****5678"));
    }

    @Test
    void masksGluedIdNumbersAndCountryCodeMobilesInReasonsWhereverTheyAreStored() {
        String reason = "asked by +8613912345678 about ID11010519491231002X";
        operator.postJson("/api/v1/admin/audit/head-signatures", "{\"reason\":\"" + reason + "\"}");
        operator.postJson("/api/v1/admin/uploads/personnel/run", "{\"reason\":\"" + reason + "\"}");
        operator.postJson("/api/v1/admin/replays", "{\"filter\": {\"state\": \"FAILED\"}, \"reason\": \"" + reason
                + "\"}");

        List<String> stored = jdbc.sql("SELECT detail FROM audit_entry WHERE detail IS NOT NULL UNION ALL"
                + " SELECT reason FROM upload_run WHERE reason IS NOT NULL UNION ALL SELECT reason FROM replay"
                + " UNION ALL SELECT detail FROM message_state WHERE detail IS NOT NULL").query(String.class).list();
        assertThat(stored).anySatisfy(text -> assertThat(text).contains("+86139****5678", "ID110105********002X"));
        assertThat(stored).noneMatch(text -> text.contains("13912345678") || text.contains("11010519491231002X"));
    }
}
