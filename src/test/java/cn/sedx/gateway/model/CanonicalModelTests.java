package cn.sedx.gateway.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sedx.gateway.support.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalModelTests {

    private final ObjectMapper mapper = CanonicalJson.mapper();

    @ParameterizedTest
    @CsvSource({
        "personnel-filing/valid-use-unit.json, cn.sedx.gateway.model.PersonnelFiling",
        "personnel-filing/valid-production-unit.json, cn.sedx.gateway.model.PersonnelFiling",
        "personnel-filing/valid-filling-unit.json, cn.sedx.gateway.model.PersonnelFiling",
        "safety-record/valid-daily-check.json, cn.sedx.gateway.model.SafetyRecord",
        "safety-record/valid-daily-check-zero-risk.json, cn.sedx.gateway.model.SafetyRecord",
        "safety-record/valid-temporarily-stopped.json, cn.sedx.gateway.model.SafetyRecord",
        "year-end-report/valid-report.json, cn.sedx.gateway.model.YearEndReport",
    })
    void roundTripsTheSchemaJsonExactly(String fixture, Class<?> type) throws IOException {
        JsonNode original = Fixtures.json(fixture);

        Object record = mapper.treeToValue(original, type);

        JsonNode written = mapper.valueToTree(record);

        assertThat(written).isEqualTo(original);
    }

    @Test
    void bindsDatesAndChineseEnumValues() throws IOException {
        YearEndReport report = mapper.treeToValue(Fixtures.json("year-end-report/valid-report.json"), YearEndReport.class);

        assertThat(report.issuedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(report.classification()).isEqualTo(Classification.PUBLIC);
        assertThat(report.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(mapper.writeValueAsString(Classification.TOP_SECRET)).isEqualTo("\"绝密\"");
        assertThat(mapper.writeValueAsString(Urgency.EXTRA_URGENT)).isEqualTo("\"特急\"");
    }

    @Test
    void givesAReportWithoutMainRecipientsTheDefault() throws IOException {
        YearEndReport report = mapper.treeToValue(
                Fixtures.json("year-end-report/valid-report-without-main-recipients.json"), YearEndReport.class);

        assertThat(report.mainRecipients()).containsExactly("市场监管总局特种设备局");
    }

    @Test
    void refusesAnUnknownClassification() {
        assertThatThrownBy(() -> mapper.readValue("\"保密\"", Classification.class))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fitsRolesToUnitKinds() {
        assertThat(Role.PRINCIPAL.fits(UnitKind.PRODUCTION)).isTrue();
        assertThat(Role.QUALITY_SAFETY_OFFICER.fits(UnitKind.PRODUCTION)).isTrue();
        assertThat(Role.SAFETY_OFFICER.fits(UnitKind.PRODUCTION)).isFalse();
        assertThat(Role.SAFETY_DIRECTOR.fits(UnitKind.FILLING)).isTrue();
        assertThat(Role.QUALITY_SAFETY_DIRECTOR.fits(UnitKind.USE)).isFalse();
    }

    @Test
    void masksPersonalDataInToString() {
        Person person = new Person(Role.SAFETY_OFFICER, "王芳", "11010519491231002X", "13800138000",
                LocalDate.of(2023, 6, 1), null, null, null);

        assertThat(person.toString()).doesNotContain("11010519491231002X").doesNotContain("13800138000")
                .contains("110105********002X").contains("138****8000");
        assertThat(new ResponsiblePerson("王芳", "11010519491231002X", Role.SAFETY_OFFICER).toString())
                .doesNotContain("11010519491231002X");
    }

    @Test
    void showsTheLengthOfAnAttachmentNotItsContent() {
        assertThat(new Attachment("a.pdf", "application/pdf", "JVBERi0=").toString()).contains("<8 chars>")
                .doesNotContain("JVBERi0=");
    }
}
