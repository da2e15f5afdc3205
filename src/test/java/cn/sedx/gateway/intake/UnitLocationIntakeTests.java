package cn.sedx.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Http;
import cn.sedx.gateway.support.SampleCredentials;
import cn.sedx.gateway.support.Uscc;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over REST, end to end: a unit's region is where it is (its own region code, else its filing's, else its credit
 * code's with a warning), the jurisdiction check uses that region, a unit is a credit code and a unit kind, and a
 * late record is accepted with its warning kept with the message.
 */
@GatewayTest
class UnitLocationIntakeTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SERIES = new AtomicInteger(7000);
    private static final String YESTERDAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();

    @LocalServerPort
    int port;

    private Http province;
    private Http county;

    @BeforeEach
    void clients() {
        province = new Http(port).asProvince();
        county = new Http(port).bearer(SampleCredentials.TIANHE_COUNTY_TOKEN);
    }

    private static JsonNode body(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** A use unit in Tianhe (440106) whose credit code was issued by the city of Guangzhou (4401xx). */
    private static ObjectNode cityRegisteredUnit(String uscc) {
        ObjectNode filing = Fixtures.object("personnel-filing/valid-use-unit.json");
        ((ObjectNode) filing.get("unit")).put("uscc", uscc);
        return filing;
    }

    private static ObjectNode dailyCheck(String uscc) {
        return Fixtures.object("safety-record/valid-daily-check.json").put("unitUscc", uscc).put("period", YESTERDAY);
    }

    @Test
    void aCountySystemFilesForItsOwnUnitWhoseCreditCodeWasIssuedAtCityLevel() {
        String uscc = Uscc.numbered("440100", SERIES.incrementAndGet());
        assertThat(county.postJson("/api/v1/personnel-filings", cityRegisteredUnit(uscc).toString()).statusCode())
                .isEqualTo(202);

        HttpResponse<String> record = county.postJson("/api/v1/safety-records", dailyCheck(uscc).toString());
        HttpResponse<String> vessels = county.postJson("/api/v1/safety-records",
                dailyCheck(uscc).put("equipmentCategory", "2000").toString());

        assertThat(record.statusCode()).as(record.body()).isEqualTo(202);
        assertThat(body(record).path("warnings")).isEmpty();
        assertThat(vessels.statusCode()).as(vessels.body()).isEqualTo(202);
        JsonNode report = body(county.get("/api/v1/compliance?region=440106"));
        JsonNode unit = null;
        for (JsonNode missing : report.at("/regions/0/unitsMissing")) {
            unit = missing.get("uscc").asText().equals(uscc) ? missing : unit;
        }
        assertThat(report.at("/regions/0/regionCode").asText()).isEqualTo("440106");
        assertThat(unit).as("the unit is counted in Tianhe, where it is").isNotNull();
        assertThat(unit.get("missing").toString()).contains("WEEKLY_INVESTIGATION").doesNotContain("DAILY_CHECK");
    }

    @Test
    void aRecordOfAUnitNotOnFileTakesItsCreditCodesRegionWithAWarning() {
        String uscc = Uscc.numbered("440100", SERIES.incrementAndGet());

        HttpResponse<String> outside = county.postJson("/api/v1/safety-records", dailyCheck(uscc).toString());
        HttpResponse<String> vouched = county.postJson("/api/v1/safety-records",
                dailyCheck(uscc).put("regionCode", "440106").toString());
        HttpResponse<String> byProvince = province.postJson("/api/v1/safety-records", dailyCheck(uscc).toString());

        assertThat(outside.statusCode()).isEqualTo(403);
        assertThat(body(outside).at("/violations/0/code").asText()).isEqualTo("OUT_OF_JURISDICTION");
        assertThat(body(outside).at("/violations/0/pointer").asText()).isEqualTo("/unitUscc");
        assertThat(vouched.statusCode()).as(vouched.body()).isEqualTo(202);
        assertThat(body(vouched).path("warnings")).isEmpty();
        assertThat(byProvince.statusCode()).isEqualTo(202);
        assertThat(body(byProvince).at("/warnings/0/code").asText()).isEqualTo("REGION_FROM_CREDIT_CODE");
    }

    @Test
    void aFirmWithTwoUnitKindsMustNameTheKindOfItsRecords() {
        String uscc = Uscc.numbered("440106", SERIES.incrementAndGet());
        ObjectNode producer = Fixtures.object("personnel-filing/valid-production-unit.json");
        ((ObjectNode) producer.get("unit")).put("uscc", uscc).put("regionCode", "440106");
        assertThat(province.postJson("/api/v1/personnel-filings", cityRegisteredUnit(uscc).toString()).statusCode())
                .isEqualTo(202);
        assertThat(province.postJson("/api/v1/personnel-filings", producer.toString()).statusCode()).isEqualTo(202);

        HttpResponse<String> unnamed = province.postJson("/api/v1/safety-records", dailyCheck(uscc).toString());
        HttpResponse<String> named = province.postJson("/api/v1/safety-records",
                dailyCheck(uscc).put("unitKind", "USE").toString());
        HttpResponse<String> wrongForm = province.postJson("/api/v1/safety-records",
                dailyCheck(uscc).put("unitKind", "PRODUCTION").toString());

        assertThat(unnamed.statusCode()).isEqualTo(422);
        assertThat(body(unnamed).at("/violations/0/code").asText()).isEqualTo("UNIT_KIND_REQUIRED");
        assertThat(body(unnamed).at("/violations/0/pointer").asText()).isEqualTo("/unitKind");
        assertThat(named.statusCode()).as(named.body()).isEqualTo(202);
        assertThat(body(named).path("warnings")).isEmpty();
        assertThat(wrongForm.statusCode()).isEqualTo(422);
        assertThat(body(wrongForm).at("/violations/0/code").asText()).isEqualTo("RECORD_ROLE_MISMATCH");
    }

    @Test
    void keepsTheLateFilingWarningWithTheMessage() {
        String uscc = Uscc.numbered("440106", SERIES.incrementAndGet());
        province.postJson("/api/v1/personnel-filings", cityRegisteredUnit(uscc).toString());
        String longAgo = LocalDate.parse(YESTERDAY).minusDays(30).toString();

        HttpResponse<String> late = province.postJson("/api/v1/safety-records",
                dailyCheck(uscc).put("period", longAgo).toString());

        assertThat(late.statusCode()).as(late.body()).isEqualTo(202);
        assertThat(body(late).at("/warnings/0/code").asText()).isEqualTo("LATE_FILING");
        JsonNode status = body(province.get("/api/v1/messages/" + body(late).get("messageId").asText()));
        assertThat(status.at("/warnings/0/code").asText()).isEqualTo("LATE_FILING");
        assertThat(status.at("/warnings/0/messageEn").asText()).contains("day(s) late");
    }

    @Test
    void refusesARecordForAPeriodBeforeTheOrders() {
        HttpResponse<String> early = province.postJson("/api/v1/safety-records",
                dailyCheck(Uscc.numbered("440106", SERIES.incrementAndGet())).put("period", "2023-05-04").toString());

        assertThat(early.statusCode()).isEqualTo(422);
        assertThat(body(early).at("/violations/0/code").asText()).isEqualTo("PERIOD_BEFORE_ORDERS");
    }
}
