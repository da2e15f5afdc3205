package cn.sedx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.sedx.gateway.model.Classification;
import cn.sedx.gateway.model.YearEndReport;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.Violation;
import cn.sedx.gateway.support.Fixtures;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

class YearEndReportValidationTests {

    private final FilingValidator validator = Validators.validator();

    private static ObjectNode report(String fixture) {
        return (ObjectNode) Fixtures.json("year-end-report/" + fixture);
    }

    @Test
    void acceptsAValidReport() {
        ValidationOutcome outcome = validator.validate(MessageType.YEAR_END_REPORT, report("valid-report.json"));

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.warnings()).isEmpty();
        assertThat(outcome.filing()).isInstanceOf(YearEndReport.class);
        assertThat(outcome.unitUscc()).isEqualTo("11440000MB2C9876XY");
        assertThat(outcome.regionCode()).isEqualTo("440000");
    }

    @Test
    void defaultsTheMainRecipientToTheSpecialEquipmentBureau() {
        ValidationOutcome outcome = validator.validate(MessageType.YEAR_END_REPORT,
                report("valid-report-without-main-recipients.json"));

        assertThat(outcome.errors()).isEmpty();
        YearEndReport filing = (YearEndReport) outcome.filing();
        assertThat(filing.mainRecipients()).containsExactly("市场监管总局特种设备局");
        assertThat(filing.urgency()).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1} at {2}")
    @CsvSource({
        "classified-document.json,          CLASSIFIED_DOCUMENT_REFUSED, /classification",
        "document-number-bad-brackets.json, DOCUMENT_NUMBER_FORMAT,      /documentNumber",
        "document-number-leading-zero.json, DOCUMENT_NUMBER_FORMAT,      /documentNumber",
        "issued-on-in-future.json,          DATE_IN_FUTURE,              /issuedOn",
        "attachment-type-not-allowed.json,  ATTACHMENT_TYPE_NOT_ALLOWED, /attachments/0/mediaType",
        "attachment-not-base64.json,        ATTACHMENT_NOT_BASE64,       /attachments/0/contentBase64",
        "attachment-not-a-pdf.json,         ATTACHMENT_TYPE_NOT_ALLOWED, /attachments/0/contentBase64",
        "issuer-region-code-invalid.json,   REGION_CODE_INVALID,         /issuer/regionCode",
        "urgency-unknown.json,              SCHEMA_VIOLATION,            /urgency",
    })
    void reportsTheDefectWithItsCodeAndPointer(String fixture, ErrorCode code, String pointer) {
        ValidationOutcome outcome = validator.validate(MessageType.YEAR_END_REPORT, report(fixture));

        assertThat(outcome.errors()).extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(code, pointer));
    }

    @ParameterizedTest
    @ValueSource(strings = {"秘密", "机密", "绝密"})
    void refusesEveryClassifiedLevel(String level) {
        ObjectNode body = report("valid-report.json").put("classification", level);

        assertThat(validator.validate(MessageType.YEAR_END_REPORT, body).errors())
                .extracting(Violation::code).containsExactly(ErrorCode.CLASSIFIED_DOCUMENT_REFUSED);
    }

    @Test
    void refusesAClassifiedDocumentEvenWhenOtherFieldsFail() {
        ValidationOutcome outcome = validator.validate(MessageType.YEAR_END_REPORT,
                report("classified-document-with-schema-errors.json"));

        assertThat(outcome.errors()).extracting(Violation::code, Violation::pointer).containsExactly(
                tuple(ErrorCode.CLASSIFIED_DOCUMENT_REFUSED, "/classification"),
                tuple(ErrorCode.SCHEMA_VIOLATION, "/title"),
                tuple(ErrorCode.SCHEMA_VIOLATION, "/year"));
        assertThat(outcome.filing()).isNull();
    }

    @Test
    void marksOnlyTheThreeSecretLevelsAsClassified() {
        assertThat(Classification.values()).filteredOn(Classification::isClassified)
                .extracting(Classification::label).containsExactly("秘密", "机密", "绝密");
    }

    @Test
    void rejectsAnAttachmentOverTheConfiguredSize() {
        var settings = new ValidationSettings(null, null, DataSize.ofBytes(64), null);

        ValidationOutcome outcome = Validators.validator(settings).validate(MessageType.YEAR_END_REPORT,
                report("valid-report.json"));

        assertThat(outcome.errors()).extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(ErrorCode.ATTACHMENT_TOO_LARGE, "/attachments/0/contentBase64"));
    }

    @Test
    void acceptsAnAttachmentOfExactlyTheConfiguredSize() {
        int size = Base64.getDecoder().decode(report("valid-report.json")
                .at("/attachments/0/contentBase64").asText()).length;
        var settings = new ValidationSettings(null, null, DataSize.ofBytes(size), null);

        assertThat(Validators.validator(settings).validate(MessageType.YEAR_END_REPORT, report("valid-report.json"))
                .errors()).isEmpty();
    }

    @Test
    void acceptsAnOfdFileThatIsAZipContainer() {
        ObjectNode body = report("valid-report.json");
        ObjectNode attachment = (ObjectNode) body.withArray("/attachments").get(0);
        attachment.put("fileName", "2026年度工作总结.ofd").put("mediaType", "application/ofd")
                .put("contentBase64", Base64.getEncoder().encodeToString(new byte[] {'P', 'K', 3, 4, 20, 0}));

        assertThat(validator.validate(MessageType.YEAR_END_REPORT, body).errors()).isEmpty();
    }

    @Test
    void takesAllowedMediaTypesFromTheSettings() {
        var settings = new ValidationSettings(null, Set.of("application/ofd"), null, null);

        assertThat(Validators.validator(settings).validate(MessageType.YEAR_END_REPORT, report("valid-report.json"))
                .errors()).extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(ErrorCode.ATTACHMENT_TYPE_NOT_ALLOWED, "/attachments/0/mediaType"));
    }

    @Test
    void rejectsAFileNameWithAPath() {
        ObjectNode body = report("valid-report.json");
        ((ObjectNode) body.withArray("/attachments").get(0)).put("fileName", "../../etc/passwd");

        assertThat(validator.validate(MessageType.YEAR_END_REPORT, body).errors())
                .extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(ErrorCode.SCHEMA_VIOLATION, "/attachments/0/fileName"));
    }

    @Test
    void collectsEveryViolationOfAReport() {
        ObjectNode body = report("valid-report.json")
                .put("documentNumber", "粤市监特2026-12")
                .put("issuedOn", "2027-01-01");
        ((ObjectNode) body.get("issuer")).put("uscc", "11440000MB2C9876X0");

        assertThat(validator.validate(MessageType.YEAR_END_REPORT, body).errors()).extracting(Violation::pointer)
                .containsExactlyInAnyOrderElementsOf(List.of("/issuer/uscc", "/documentNumber", "/issuedOn"));
    }
}
