package cn.sedx.gateway.intake.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.sedx.gateway.intake.soap.ws.Agency;
import cn.sedx.gateway.intake.soap.ws.AgencyReport;
import cn.sedx.gateway.intake.soap.ws.Assessment;
import cn.sedx.gateway.intake.soap.ws.Attachment;
import cn.sedx.gateway.intake.soap.ws.Failing;
import cn.sedx.gateway.intake.soap.ws.InspectionSource;
import cn.sedx.gateway.intake.soap.ws.Issuer;
import cn.sedx.gateway.intake.soap.ws.Organiser;
import cn.sedx.gateway.intake.soap.ws.Receipt;
import cn.sedx.gateway.intake.soap.ws.Rectification;
import cn.sedx.gateway.intake.soap.ws.RectificationOrder;
import cn.sedx.gateway.intake.soap.ws.RectificationOrderChange;
import cn.sedx.gateway.intake.soap.ws.ResponsiblePerson;
import cn.sedx.gateway.intake.soap.ws.Submission;
import cn.sedx.gateway.intake.soap.ws.SubmissionFault_Exception;
import cn.sedx.gateway.intake.soap.ws.SubmitAgencyReport;
import cn.sedx.gateway.intake.soap.ws.SubmitRectificationOrder;
import cn.sedx.gateway.intake.soap.ws.SubmitRectificationOrderChange;
import cn.sedx.gateway.intake.soap.ws.SubmitTrainingRecord;
import cn.sedx.gateway.intake.soap.ws.TrainingRecord;
import cn.sedx.gateway.intake.soap.ws.UnitKind;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.support.CampaignGateway;
import cn.sedx.gateway.support.CampaignGatewayTest;
import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.SampleCredentials;
import cn.sedx.gateway.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.activation.DataHandler;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Base64;
import org.apache.cxf.attachment.ByteDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The campaign's other records over SOAP, through the client generated from the published WSDL: each becomes the
 * same canonical JSON as its REST form, evidence and reports travel as MTOM parts, and an agency is refused orders.
 */
@CampaignGatewayTest
class CampaignSoapTests {

    @LocalServerPort
    int port;

    @Autowired
    MessageStore store;

    @Autowired
    TestClock clock;

    private Submission as(String token) {
        return SoapClients.mtom(SoapClients.withAuthorization("Bearer " + token, SoapClients.anonymous(port)));
    }

    private JsonNode stored(Receipt receipt) throws IOException {
        return CampaignGateway.JSON.readTree(store.payload(receipt.getMessageId()).orElseThrow());
    }

    @Test
    void aTrainingRecordOverSoapIsTheCanonicalJsonOfTheRestContract() throws Exception {
        SubmitTrainingRecord request = new SubmitTrainingRecord();
        request.setRecord(training());

        Receipt receipt = SoapClients.soap11(port).submitTrainingRecord(request, null).getReceipt();

        assertThat(receipt.getType()).isEqualTo("TRAINING_RECORD");
        assertThat(stored(receipt)).isEqualTo(Fixtures.object(
                "training-record/valid-officer-trained-by-unit.json"));
    }

    @Test
    void aRegulatorIssuesAnOrderAndTheUnitFilesItsEvidenceAsAnMtomPart() throws Exception {
        String number = "穗天市监特令〔2026〕S" + System.nanoTime() + "号";
        SubmitRectificationOrder order = new SubmitRectificationOrder();
        order.setOrder(order(number));
        Receipt issued = as(SampleCredentials.TIANHE_REGULATOR_TOKEN).submitRectificationOrder(order, null)
                .getReceipt();
        byte[] pdf = SoapFilings.pdf(200_000);
        SubmitRectificationOrderChange change = new SubmitRectificationOrderChange();
        change.setChange(rectified(number, pdf));

        Receipt filed = as(SampleCredentials.TIANHE_COUNTY_TOKEN).submitRectificationOrderChange(change, null)
                .getReceipt();

        assertThat(stored(issued).at("/failings/1/equipmentCategory").asText()).isEqualTo("2000");
        JsonNode evidence = stored(filed).at("/rectification/attachments/0");
        assertThat(Base64.getDecoder().decode(evidence.get("contentBase64").asText())).isEqualTo(pdf);
        assertThat(store.find(filed.getMessageId()).orElseThrow().regionCode()).isEqualTo("440106");
    }

    @Test
    void anAgencyFilesAReportOverSoapButNoOrder() throws Exception {
        SubmitAgencyReport report = new SubmitAgencyReport();
        report.setReport(agencyReport());
        Receipt receipt = as(SampleCredentials.GD_AGENCY_TOKEN).submitAgencyReport(report, null).getReceipt();
        SubmitRectificationOrder order = new SubmitRectificationOrder();
        order.setOrder(order("穗天市监特令〔2026〕A" + System.nanoTime() + "号"));

        SubmissionFault_Exception fault = catchThrowableOfType(SubmissionFault_Exception.class,
                () -> as(SampleCredentials.GD_AGENCY_TOKEN).submitRectificationOrder(order, null));

        assertThat(stored(receipt).at("/agency/approvalNumber").asText()).isEqualTo("TS7110001-2027");
        assertThat(stored(receipt).at("/attachments/0/fileName").asText()).isEqualTo("检验报告.pdf");
        assertThat(fault.getFaultInfo().getCode()).isEqualTo("FORBIDDEN");
    }

    private static TrainingRecord training() {
        ResponsiblePerson person = new ResponsiblePerson();
        person.setName("王芳");
        person.setIdNumber("440106199004151516");
        person.setRole("SAFETY_OFFICER");
        Organiser organiser = new Organiser();
        organiser.setKind("UNIT");
        Assessment assessment = new Assessment();
        assessment.setResult("PASSED");
        assessment.setScore(new BigDecimal("92"));
        assessment.setAssessedOn("2026-11-20");
        assessment.setAssessedBy("UNIT");
        TrainingRecord record = new TrainingRecord();
        record.setUnitUscc("91440106MA59ABCDEX");
        record.setUnitKind(UnitKind.USE);
        record.setRegionCode("440106");
        record.setPerson(person);
        record.setOrganiser(organiser);
        record.setTrainedOn("2026-11-20");
        record.setHours(new BigDecimal("8"));
        record.setContent("《特种设备使用单位落实使用安全主体责任监督管理规定》及电梯日常检查要点");
        record.setAssessment(assessment);
        return record;
    }

    private RectificationOrder order(String number) {
        Issuer authority = new Issuer();
        authority.setName("广州市天河区市场监督管理局");
        authority.setUscc("11440106MB2C00000K");
        authority.setRegionCode("440106");
        RectificationOrder order = new RectificationOrder();
        order.setOrderNumber(number);
        order.setIssuingAuthority(authority);
        order.setUnitUscc(CampaignGateway.newUscc("440106"));
        order.setRegionCode("440106");
        order.getFailings().add(failing("NO_DIRECTOR", null));
        order.getFailings().add(failing("NO_OFFICER_FOR_CATEGORY", "2000"));
        order.setLegalBasis("《中华人民共和国特种设备安全法》第五十七条");
        LocalDate today = clock.today();
        order.setIssuedOn(today.toString());
        order.setDeadline(today.plusDays(30).toString());
        return order;
    }

    private static Failing failing(String code, String category) {
        Failing failing = new Failing();
        failing.setCode(code);
        failing.setEquipmentCategory(category);
        return failing;
    }

    private RectificationOrderChange rectified(String number, byte[] pdf) {
        Rectification rectification = new Rectification();
        rectification.setRectifiedOn(clock.today().toString());
        rectification.setDescription("已任命安全总监并配备压力容器安全员");
        rectification.getAttachments().add(pdfAttachment("整改报告.pdf", pdf));
        RectificationOrderChange change = new RectificationOrderChange();
        change.setOrderNumber(number);
        change.setStatus("RECTIFIED");
        change.setRectification(rectification);
        return change;
    }

    private AgencyReport agencyReport() {
        Agency agency = new Agency();
        agency.setName("广东省特种设备检测研究院");
        agency.setUscc("124400004558643211");
        agency.setApprovalNumber("TS7110001-2027");
        InspectionSource source = new InspectionSource();
        source.setKind("INSPECTION");
        source.setReportNumber("粤特检电〔2026〕0456");
        source.setDate(clock.today().toString());
        AgencyReport report = new AgencyReport();
        report.setAgency(agency);
        report.setUnitUscc(CampaignGateway.newUscc("440106"));
        report.setRegionCode("440106");
        report.setSource(source);
        report.getFailings().add(failing("NO_DAILY_CHECK", null));
        report.getAttachments().add(pdfAttachment("检验报告.pdf", SoapFilings.pdf(4096)));
        return report;
    }

    private static Attachment pdfAttachment(String name, byte[] pdf) {
        Attachment attachment = new Attachment();
        attachment.setFileName(name);
        attachment.setMediaType("application/pdf");
        attachment.setContentBase64(new DataHandler(new ByteDataSource(pdf, "application/pdf")));
        return attachment;
    }
}
