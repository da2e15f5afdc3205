package cn.sedx.gateway.compliance;

import static cn.sedx.gateway.support.CampaignGateway.agencyReport;
import static cn.sedx.gateway.support.CampaignGateway.json;
import static cn.sedx.gateway.support.CampaignGateway.newUscc;
import static cn.sedx.gateway.support.CampaignGateway.order;
import static cn.sedx.gateway.support.CampaignGateway.post;
import static cn.sedx.gateway.support.CampaignGateway.trainingRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.sedx.gateway.support.CampaignGateway;
import cn.sedx.gateway.support.CampaignGatewayTest;
import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The year-end figures the gateway computes from its store, a report that states others accepted with a warning per
 * difference, and the compliance view's additions: directors and officers without a passed assessment, open and
 * overdue orders, agencies' reports. The units live in 番禺区 (440113), which no other test files for.
 */
@CampaignGatewayTest
class CampaignFiguresTests {

    private static final String REGION = "440113";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    private CampaignGateway gateway;

    @BeforeEach
    void gateway() {
        gateway = new CampaignGateway(port);
        // the records below are for this week, this month and today: keep them in one calendar year
        LocalDate today = clock.today();
        if (today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).getYear() != today.getYear()) {
            clock.advance(Duration.ofDays(7));
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void computesTheYearsFiguresAndTheComplianceAdditionsFromTheStore() {
        LocalDate today = clock.today();
        int year = today.getYear();
        String running = newUscc(REGION);
        String lagging = newUscc(REGION);
        gateway.fileUnit(running, REGION);
        gateway.fileUnit(lagging, REGION);
        for (ObjectNode record : mechanism(running, today)) {
            post(gateway.province, "/api/v1/safety-records", record, 202);
        }
        post(gateway.province, "/api/v1/safety-records", mechanism(lagging, today).get(0), 202);
        post(gateway.province, "/api/v1/training-records", trainingRecord(running, REGION, today), 202);
        ObjectNode failed = trainingRecord(running, REGION, today);
        failed.set("person", Fixtures.object("personnel-filing/valid-use-unit.json").at("/persons/1").deepCopy());
        ((ObjectNode) failed.get("person")).retain("name", "idNumber", "role");
        ((ObjectNode) failed.get("assessment")).put("result", "FAILED");
        post(gateway.province, "/api/v1/training-records", failed, 202);
        post(gateway.guangzhouRegulator, "/api/v1/rectification-orders", order("穗市监特令〔" + year + "〕F"
                + System.nanoTime() + "号", lagging, REGION, today, today.plusDays(30)), 202);
        post(gateway.agency, "/api/v1/agency-reports", agencyReport(lagging, REGION, today), 202);

        JsonNode figures = json(gateway.operator.get("/api/v1/reports/year-end/figures?year=" + year + "&region="
                + REGION));
        JsonNode compliance = json(gateway.operator.get("/api/v1/compliance?region=" + REGION));

        assertThat(figures.get("year").asInt()).isEqualTo(year);
        assertThat(figures.get("figures")).isEqualTo(CampaignGateway.JSON.createObjectNode().put("unitsFiled", 2)
                .put("unitsFullyStaffed", 2).put("unitsWithMechanism", 1).put("ordersIssued", 1).put("penalties", 0));
        JsonNode county = compliance.at("/regions/0");
        assertThat(county.get("regionCode").asText()).isEqualTo(REGION);
        // three directors and officers per unit; only the running unit's officer 王芳 passed
        assertThat(county.get("personsUnassessed").asInt()).isEqualTo(5);
        List<String> unassessed = new ArrayList<>();
        county.get("unassessed").forEach(p -> unassessed.add(p.get("uscc").asText().equals(running) ? "running "
                + p.get("name").asText() : "lagging " + p.get("name").asText()));
        assertThat(unassessed).containsExactlyInAnyOrder("running 李明", "running 张伟", "lagging 李明", "lagging 王芳",
                "lagging 张伟");
        assertThat(county.get("unassessed").findValuesAsText("idNumber")).allMatch(n -> n.contains("********"));
        assertThat(county.get("ordersOpen").asInt()).isEqualTo(1);
        assertThat(county.get("ordersOverdue").asInt()).isZero();
        assertThat(county.get("agencyReports").asLong()).isEqualTo(1);
        assertThat(compliance.at("/total/ordersOpen").asInt()).isEqualTo(1);
        assertThat(compliance.at("/total/unassessed").isMissingNode() || compliance.at("/total/unassessed").isNull())
                .isTrue();
    }

    @Test
    void acceptsAYearEndReportWhoseFiguresDifferWithAWarningNamingEachDifference() {
        int year = clock.today().getYear();
        JsonNode computed = json(gateway.operator.get("/api/v1/reports/year-end/figures?year=" + year
                + "&region=44")).get("figures");
        ObjectNode report = Fixtures.object("year-end-report/valid-report.json").put("year", year);
        ObjectNode stated = ((ObjectNode) computed.deepCopy()).put("unitsFiled", computed.get("unitsFiled").asInt() + 3)
                .put("penalties", computed.get("penalties").asInt() + 1);
        report.set("figures", stated);

        JsonNode accepted = post(gateway.province, "/api/v1/year-end-reports", report, 202);

        List<JsonNode> warnings = new ArrayList<>();
        accepted.get("warnings").forEach(warnings::add);
        assertThat(warnings).extracting(w -> w.get("code").asText(), w -> w.get("pointer").asText()).containsExactly(
                tuple("FIGURES_DIFFER_FROM_COMPUTED", "/figures/unitsFiled"),
                tuple("FIGURES_DIFFER_FROM_COMPUTED", "/figures/penalties"));
        assertThat(warnings.get(0).get("messageEn").asText()).contains(computed.get("unitsFiled").asText());
        assertThat(gateway.message(accepted.get("messageId").asText()).get("warnings")).hasSize(2);
    }

    @Test
    void aSystemReadsTheFiguresOfItsJurisdictionOnly() {
        int year = clock.today().getYear();

        assertThat(gateway.province.get("/api/v1/reports/year-end/figures?year=" + year + "&region=44")
                .statusCode()).isEqualTo(200);
        assertThat(gateway.county.get("/api/v1/reports/year-end/figures?year=" + year + "&region=44")
                .statusCode()).isEqualTo(403);
        assertThat(gateway.county.get("/api/v1/reports/year-end/figures?year=" + year + "&region=440106")
                .statusCode()).isEqualTo(200);
        assertThat(json(gateway.operator.get("/api/v1/reports/year-end/figures?year=1999&region=44")).get("code")
                .asText()).isEqualTo("SCHEMA_VIOLATION");
    }

    /** A daily check for today, the week's investigation and the month's dispatch minutes of the sample unit. */
    private static List<ObjectNode> mechanism(String uscc, LocalDate today) {
        ObjectNode daily = Fixtures.object("safety-record/valid-daily-check.json").put("unitUscc", uscc)
                .put("regionCode", REGION).put("period", today.toString());
        ObjectNode weekly = daily.deepCopy().put("recordKind", "WEEKLY_INVESTIGATION").put("period",
                String.format("%d-W%02d", today.get(IsoFields.WEEK_BASED_YEAR), today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        ((ObjectNode) weekly.get("responsiblePerson")).put("name", "李明").put("idNumber", "440106198207073023")
                .put("role", "SAFETY_DIRECTOR");
        ObjectNode monthly = daily.deepCopy().put("recordKind", "MONTHLY_DISPATCH")
                .put("period", YearMonth.from(today).toString());
        ((ObjectNode) monthly.get("responsiblePerson")).put("name", "陈建国").put("idNumber", "440106197503122016")
                .put("role", "PRINCIPAL");
        return List.of(daily, weekly, monthly);
    }
}
