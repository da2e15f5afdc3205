package cn.sedx.gateway.agency;

import static cn.sedx.gateway.support.CampaignGateway.agencyReport;
import static cn.sedx.gateway.support.CampaignGateway.json;
import static cn.sedx.gateway.support.CampaignGateway.newUscc;
import static cn.sedx.gateway.support.CampaignGateway.post;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.messagestore.MessageState;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.messagestore.StateChange;
import cn.sedx.gateway.support.CampaignGateway;
import cn.sedx.gateway.support.CampaignGatewayTest;
import cn.sedx.gateway.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An agency's report reaches the local regulator of the unit's region: the configured LOCAL_REGULATOR with the
 * longest region prefix (county 440106, else city 4401); with no regulator up the chain it is dead-lettered with
 * NO_DESTINATION and its reason. Regulators read the reports of their jurisdiction through the API.
 */
@CampaignGatewayTest
class AgencyReportRoutingTests {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    MessageStore store;

    private CampaignGateway gateway;

    @BeforeEach
    void gateway() {
        gateway = new CampaignGateway(port);
    }

    private String report(String region) {
        return post(gateway.agency, "/api/v1/agency-reports", agencyReport(newUscc(region), region,
                clock.today().minusDays(2)), 202).get("messageId").asText();
    }

    @Test
    void aReportOfACountyUnitReachesTheCountyRegulatorsSimulator() {
        String id = report("440106");

        gateway.awaitState(id, "ACKNOWLEDGED");
        JsonNode received = gateway.received(id);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).get("destination").asText()).isEqualTo("regulator-440106");
        assertThat(received.get(0).at("/headers/x-message-type").asText()).isEqualTo("AGENCY_REPORT");
        assertThat(gateway.message(id).at("/destinations/0/destination").asText()).isEqualTo("regulator-440106");
    }

    @Test
    void aReportOfACountyWithoutARegulatorReachesTheCitys() {
        String id = report("440104");

        gateway.awaitState(id, "ACKNOWLEDGED");
        assertThat(gateway.received(id).findValuesAsText("destination")).containsExactly("regulator-4401");
    }

    @Test
    void aReportWithNoRegulatorUpTheChainIsDeadLetteredWithItsReason() {
        String id = report("440305");

        JsonNode status = gateway.awaitState(id, "FAILED");
        String reason = status.get("history").get(status.get("history").size() - 1).get("detail").asText();
        assertThat(reason).contains("NO_DESTINATION").contains("AGENCY_REPORT").contains("440305");
        assertThat(store.find(id)).hasValueSatisfying(m -> assertThat(m.state()).isEqualTo(MessageState.FAILED));
        List<StateChange> history = store.history(id);
        assertThat(history.get(history.size() - 1).detail()).startsWith("NO_DESTINATION");
        assertThat(gateway.received(id)).isEmpty();
    }

    @Test
    void aRegulatorReadsTheReportsOfItsJurisdictionOnly() {
        String tianhe = report("440106");
        String yuexiu = report("440104");

        JsonNode county = json(gateway.tianheRegulator.get("/api/v1/agency-reports?size=50"));
        JsonNode city = json(gateway.guangzhouRegulator.get("/api/v1/agency-reports?size=50"));

        assertThat(county.get("items").findValuesAsText("messageId")).contains(tianhe).doesNotContain(yuexiu);
        assertThat(county.get("items").findValuesAsText("regionCode")).containsOnly("440106");
        assertThat(city.get("items").findValuesAsText("messageId")).contains(tianhe, yuexiu);
        assertThat(county.at("/items/0/report/attachments/0/fileName").asText()).isEqualTo("检验报告.pdf");
        assertThat(county.at("/items/0/report/attachments/0/contentBase64").isMissingNode()).isTrue();
        assertThat(gateway.tianheRegulator.get("/api/v1/agency-reports?region=4401").statusCode()).isEqualTo(403);
        assertThat(gateway.tianheRegulator.get("/api/v1/agency-reports/" + yuexiu).statusCode()).isEqualTo(404);
        JsonNode full = json(gateway.guangzhouRegulator.get("/api/v1/agency-reports/" + yuexiu));
        assertThat(full.at("/report/attachments/0/contentBase64").asText()).startsWith("JVBER");
        assertThat(full.get("regionCode").asText()).isEqualTo("440104");
    }

    @Test
    void aUnitsOrALicensingSystemCannotReadAgenciesReports() {
        String id = report("440106");

        assertThat(gateway.county.get("/api/v1/agency-reports").statusCode()).isEqualTo(403);
        assertThat(gateway.county.get("/api/v1/agency-reports/" + id).statusCode()).isEqualTo(403);
        assertThat(gateway.province.get("/api/v1/agency-reports?region=44").statusCode()).isEqualTo(403);
        assertThat(gateway.county.get("/api/v1/messages/" + id).statusCode()).isEqualTo(404);
        assertThat(gateway.agency.get("/api/v1/agency-reports/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void anAgencyReportsOnlyUnderItsOwnApprovalNumber() {
        ObjectNode report = agencyReport(newUscc("440106"), "440106", clock.today());
        ((ObjectNode) report.get("agency")).put("approvalNumber", "TS7110999-2027");

        JsonNode refused = post(gateway.agency, "/api/v1/agency-reports", report, 422);

        assertThat(refused.get("code").asText()).isEqualTo("APPROVAL_NUMBER_MISMATCH");
        assertThat(refused.at("/violations/0/pointer").asText()).isEqualTo("/agency/approvalNumber");
        // refused before the 202: nothing of it was stored
        assertThat(store.search(new cn.sedx.gateway.messagestore.MessageQuery(
                cn.sedx.gateway.shared.MessageType.AGENCY_REPORT, null, report.get("unitUscc").asText(), null, null,
                null, 0, 1)).total()).isZero();
    }
}
