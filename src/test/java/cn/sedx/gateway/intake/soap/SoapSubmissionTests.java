package cn.sedx.gateway.intake.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.sedx.gateway.intake.soap.ws.IdType;
import cn.sedx.gateway.intake.soap.ws.MessageStatus;
import cn.sedx.gateway.intake.soap.ws.Person;
import cn.sedx.gateway.intake.soap.ws.Receipt;
import cn.sedx.gateway.intake.soap.ws.Submission;
import cn.sedx.gateway.intake.soap.ws.SubmissionFault_Exception;
import cn.sedx.gateway.intake.soap.ws.SubmitPersonnelFiling;
import cn.sedx.gateway.intake.soap.ws.SubmitSafetyRecord;
import cn.sedx.gateway.intake.soap.ws.SubmitYearEndReport;
import cn.sedx.gateway.intake.soap.ws.UnitKind;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.messagestore.StoredMessage;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.SampleCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every operation of the submission service through JAX-WS clients generated from the WSDL, SOAP 1.1 and 1.2. */
@GatewayTest
class SoapSubmissionTests {

    @LocalServerPort
    int port;

    @Autowired
    MessageStore store;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void acceptsPersonnelFilingOverSoap11AndStoresItsCanonicalJson() throws Exception {
        Receipt receipt = SoapClients.soap11(port).submitPersonnelFiling(personnel(), null).getReceipt();

        assertThat(receipt.getState()).isEqualTo("RECEIVED");
        assertThat(receipt.getType()).isEqualTo("PERSONNEL_FILING");
        assertThat(receipt.isRepeated()).isFalse();
        StoredMessage stored = store.find(receipt.getMessageId()).orElseThrow();
        assertThat(stored.channel()).isEqualTo("SOAP");
        assertThat(storedJson(receipt)).isEqualTo(resource("personnel-filing.json"));
    }

    @Test
    void carriesDocumentTypesUnitKindRegionAndSignerIntoTheCanonicalJson() throws Exception {
        SubmitPersonnelFiling filing = personnel();
        Person officer = filing.getFiling().getPersons().get(2);
        officer.setIdType(IdType.PASSPORT);
        officer.setIdNumber("546512345");
        officer.setNationality("USA");
        SubmitSafetyRecord record = new SubmitSafetyRecord();
        record.setRecord(SoapFilings.dailyCheck());
        record.getRecord().setUnitKind(UnitKind.USE);
        record.getRecord().setRegionCode("440106");

        Receipt filed = SoapClients.soap11(port).submitPersonnelFiling(filing, key()).getReceipt();
        Receipt recorded = SoapClients.soap12(port).submitSafetyRecord(record, key()).getReceipt();

        JsonNode person = storedJson(filed).at("/persons/2");
        assertThat(person.get("idType").asText()).isEqualTo("PASSPORT");
        assertThat(person.get("nationality").asText()).isEqualTo("USA");
        assertThat(storedJson(recorded).get("unitKind").asText()).isEqualTo("USE");
        assertThat(storedJson(recorded).get("regionCode").asText()).isEqualTo("440106");
        assertThat(store.unitKind(recorded.getMessageId())).contains("USE");
    }

    @Test
    void acceptsSafetyRecordOverSoap12WithAnEmptyFindingsListAsZeroRiskReport() throws Exception {
        SubmitSafetyRecord request = new SubmitSafetyRecord();
        request.setRecord(SoapFilings.dailyCheck());

        Receipt receipt = SoapClients.soap12(port).submitSafetyRecord(request, key()).getReceipt();

        assertThat(receipt.getState()).isEqualTo("RECEIVED");
        assertThat(storedJson(receipt)).isEqualTo(resource("daily-check-zero-risk.json"));
    }

    @Test
    void acceptsSafetyRecordWithFindingsOverSoap11() throws Exception {
        SubmitSafetyRecord request = new SubmitSafetyRecord();
        request.setRecord(SoapFilings.dailyCheckWithFinding());

        Receipt receipt = SoapClients.soap11(port).submitSafetyRecord(request, key()).getReceipt();

        assertThat(storedJson(receipt).at("/findings/0/hazardLevel").asText()).isEqualTo("GENERAL");
    }

    @Test
    void acceptsYearEndReportWithMtomAttachmentOverBothVersions() throws Exception {
        byte[] pdf = SoapFilings.pdf(300_000);
        for (Submission client : new Submission[] {SoapClients.soap11(port), SoapClients.soap12(port)}) {
            SubmitYearEndReport request = new SubmitYearEndReport();
            request.setReport(SoapFilings.yearEndReport(pdf));

            Receipt receipt = SoapClients.mtom(client).submitYearEndReport(request, key()).getReceipt();

            JsonNode stored = storedJson(receipt);
            assertThat(Base64.getDecoder().decode(stored.at("/attachments/0/contentBase64").asText())).isEqualTo(pdf);
            assertThat(stored.at("/documentNumber").asText()).isEqualTo("粤市监特〔2026〕12号");
            assertThat(stored.at("/figures/unitsFiled").asLong()).isEqualTo(12034);
        }
    }

    @Test
    void acceptsYearEndReportWithInlineBase64Attachment() throws Exception {
        byte[] pdf = SoapFilings.pdf(2_000);
        SubmitYearEndReport request = new SubmitYearEndReport();
        request.setReport(SoapFilings.yearEndReport(pdf));

        Receipt receipt = SoapClients.soap11(port).submitYearEndReport(request, key()).getReceipt();

        assertThat(storedJson(receipt)).isEqualTo(resource("year-end-report.json"));
    }

    @Test
    void sameIdempotencyKeyAndFilingAnswersTheFirstReceipt() throws Exception {
        String key = key();
        Receipt first = SoapClients.soap11(port).submitPersonnelFiling(personnel(), key).getReceipt();

        Receipt again = SoapClients.soap12(port).submitPersonnelFiling(personnel(), key).getReceipt();

        assertThat(again.getMessageId()).isEqualTo(first.getMessageId());
        assertThat(again.isRepeated()).isTrue();
        assertThat(again.getReceivedAt()).isEqualTo(first.getReceivedAt());
    }

    @Test
    void sameIdempotencyKeyWithAnotherFilingFaultsWithConflict() throws Exception {
        String key = key();
        Receipt first = SoapClients.soap11(port).submitPersonnelFiling(personnel(), key).getReceipt();
        SubmitPersonnelFiling other = personnel();
        other.getFiling().setEffectiveDate("2026-11-02");

        SubmissionFault_Exception fault = catchThrowableOfType(SubmissionFault_Exception.class,
                () -> SoapClients.soap11(port).submitPersonnelFiling(other, key));

        assertThat(fault.getFaultInfo().getCode()).isEqualTo("IDEMPOTENCY_KEY_CONFLICT");
        assertThat(fault.getFaultInfo().getMessageId()).isEqualTo(first.getMessageId());
        assertThat(fault.getFaultInfo().getViolations()).singleElement()
                .satisfies(v -> assertThat(v.getMessageZh()).contains(first.getMessageId()));
    }

    @Test
    void malformedIdempotencyKeyFaultsWithTheHeaderXPath() {
        for (Submission client : new Submission[] {SoapClients.soap11(port), SoapClients.soap12(port)}) {
            SubmissionFault_Exception fault = catchThrowableOfType(SubmissionFault_Exception.class,
                    () -> client.submitPersonnelFiling(personnel(), "has spaces in it"));

            assertThat(fault.getFaultInfo().getCode()).isEqualTo("SCHEMA_VIOLATION");
            assertThat(fault.getFaultInfo().getViolations()).singleElement().satisfies(v -> {
                assertThat(v.getXpath()).isEqualTo("/soap:Envelope/soap:Header/sub:IdempotencyKey");
                assertThat(v.getMessageEn()).contains("IdempotencyKey");
                assertThat(v.getMessageZh()).contains("幂等键");
            });
        }
    }

    @Test
    void getMessageStatusAnswersStateAndHistory() throws Exception {
        Receipt receipt = SoapClients.soap11(port).submitPersonnelFiling(personnel(), key()).getReceipt();

        MessageStatus status = SoapClients.soap12(port).getMessageStatus(receipt.getMessageId());

        assertThat(status.getMessageId()).isEqualTo(receipt.getMessageId());
        assertThat(status.getType()).isEqualTo("PERSONNEL_FILING");
        assertThat(status.getChannel()).isEqualTo("SOAP");
        assertThat(status.getSubmittingSystem()).isEqualTo("gd-province");
        // delivery runs at once: by the time the status is asked for, the filing may already be on its way
        assertThat(status.getState()).isIn("RECEIVED", "QUEUED", "SENT", "ACKNOWLEDGED");
        assertThat(status.getHistory()).first().satisfies(h -> assertThat(h.getState()).isEqualTo("RECEIVED"));
    }

    @Test
    void getMessageStatusOfAnUnknownIdFaultsWithMessageNotFound() {
        for (Submission client : new Submission[] {SoapClients.soap11(port), SoapClients.soap12(port)}) {
            SubmissionFault_Exception fault = catchThrowableOfType(SubmissionFault_Exception.class,
                    () -> client.getMessageStatus(UUID.randomUUID().toString()));

            assertThat(fault.getFaultInfo().getCode()).isEqualTo("MESSAGE_NOT_FOUND");
            assertThat(fault.getFaultInfo().getViolations()).singleElement().satisfies(v ->
                    assertThat(v.getXpath()).isEqualTo("/soap:Envelope/soap:Body/sub:GetMessageStatus/sub:messageId"));
        }
    }

    @Test
    void refusedFilingFaultListsEveryViolationWithTheXPathOfItsElement() {
        SubmitPersonnelFiling request = personnel();
        request.getFiling().getUnit().setUscc("91440106MA5C12345P");
        request.getFiling().getPersons().get(1).setIdNumber("440106198001010018");

        for (Submission client : new Submission[] {SoapClients.soap11(port), SoapClients.soap12(port)}) {
            SubmissionFault_Exception fault = catchThrowableOfType(SubmissionFault_Exception.class,
                    () -> client.submitPersonnelFiling(request, key()));

            String filing = "/soap:Envelope/soap:Body/sub:SubmitPersonnelFiling/sub:filing";
            assertThat(fault.getFaultInfo().getCode()).isEqualTo("VALIDATION_FAILED");
            assertThat(fault.getFaultInfo().getViolations())
                    .extracting(v -> v.getCode() + " " + v.getXpath())
                    .contains("USCC_CHECKSUM " + filing + "/sub:unit/sub:uscc",
                            "ID_NUMBER_CHECKSUM " + filing + "/sub:persons[2]/sub:idNumber");
            assertThat(fault.getFaultInfo().getViolations()).allSatisfy(v -> {
                assertThat(v.getMessageZh()).isNotBlank();
                assertThat(v.getMessageEn()).isNotBlank();
            });
        }
    }

    @Test
    void refusesClassifiedYearEndReportWithItsOwnCode() {
        SubmitYearEndReport request = new SubmitYearEndReport();
        request.setReport(SoapFilings.yearEndReport(SoapFilings.pdf(1_000)));
        request.getReport().setClassification("机密");

        SubmissionFault_Exception fault = catchThrowableOfType(SubmissionFault_Exception.class,
                () -> SoapClients.soap11(port).submitYearEndReport(request, key()));

        assertThat(fault.getFaultInfo().getViolations()).extracting(v -> v.getCode() + " " + v.getXpath())
                .contains("CLASSIFIED_DOCUMENT_REFUSED "
                        + "/soap:Envelope/soap:Body/sub:SubmitYearEndReport/sub:report/sub:classification");
    }

    @Test
    void submissionWithoutCredentialsFaultsUnauthenticated() {
        SubmissionFault_Exception fault = catchThrowableOfType(SubmissionFault_Exception.class,
                () -> SoapClients.anonymous(port).submitPersonnelFiling(personnel(), key()));

        assertThat(fault.getFaultInfo().getCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void operatorMayReadStatusButNotSubmit() throws Exception {
        Receipt receipt = SoapClients.soap11(port).submitPersonnelFiling(personnel(), key()).getReceipt();
        String basic = "Basic " + Base64.getEncoder().encodeToString((SampleCredentials.OPERATOR + ":"
                + SampleCredentials.OPERATOR_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));

        SubmissionFault_Exception fault = catchThrowableOfType(SubmissionFault_Exception.class,
                () -> SoapClients.withAuthorization(basic, SoapClients.anonymous(port))
                        .submitPersonnelFiling(personnel(), key()));
        MessageStatus status = SoapClients.withAuthorization(basic, SoapClients.anonymous(port))
                .getMessageStatus(receipt.getMessageId());

        assertThat(fault.getFaultInfo().getCode()).isEqualTo("FORBIDDEN");
        assertThat(status.getSubmittingSystem()).isEqualTo("gd-province");
    }

    @Test
    void systemDoesNotSeeAnotherSystemsMessage() throws Exception {
        Receipt receipt = SoapClients.soap11(port).submitPersonnelFiling(personnel(), key()).getReceipt();

        SubmissionFault_Exception fault = catchThrowableOfType(SubmissionFault_Exception.class,
                () -> SoapClients.withAuthorization("Bearer " + SampleCredentials.TIANHE_COUNTY_TOKEN,
                        SoapClients.anonymous(port)).getMessageStatus(receipt.getMessageId()));

        assertThat(fault.getFaultInfo().getCode()).isEqualTo("MESSAGE_NOT_FOUND");
    }

    @Test
    void publishesTheWsdlWithBothBindings() throws Exception {
        String wsdl = new String(java.net.URI.create(SoapClients.address(port) + "?wsdl").toURL().openStream()
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(wsdl).contains("SubmissionSoap11", "SubmissionSoap12", "SubmitPersonnelFiling",
                "SubmitSafetyRecord", "SubmitYearEndReport", "GetMessageStatus", "IdempotencyKey");
    }

    static SubmitPersonnelFiling personnel() {
        SubmitPersonnelFiling request = new SubmitPersonnelFiling();
        request.setFiling(SoapFilings.personnelFiling());
        return request;
    }

    static String key() {
        return "soap-" + UUID.randomUUID();
    }

    private JsonNode storedJson(Receipt receipt) throws IOException {
        return json.readTree(store.payload(receipt.getMessageId()).orElseThrow());
    }

    private JsonNode resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/soap/" + name)) {
            return json.readTree(in);
        }
    }
}
