package cn.sedx.gateway.intake.soap;

import cn.sedx.gateway.intake.soap.ws.Attachment;
import cn.sedx.gateway.intake.soap.ws.Figures;
import cn.sedx.gateway.intake.soap.ws.FilingKind;
import cn.sedx.gateway.intake.soap.ws.Finding;
import cn.sedx.gateway.intake.soap.ws.HazardLevel;
import cn.sedx.gateway.intake.soap.ws.Issuer;
import cn.sedx.gateway.intake.soap.ws.OperatingStatus;
import cn.sedx.gateway.intake.soap.ws.Person;
import cn.sedx.gateway.intake.soap.ws.PersonnelFiling;
import cn.sedx.gateway.intake.soap.ws.RecordKind;
import cn.sedx.gateway.intake.soap.ws.ResponsiblePerson;
import cn.sedx.gateway.intake.soap.ws.SafetyRecord;
import cn.sedx.gateway.intake.soap.ws.Unit;
import cn.sedx.gateway.intake.soap.ws.UnitKind;
import cn.sedx.gateway.intake.soap.ws.YearEndReport;
import jakarta.activation.DataHandler;
import java.util.List;
import org.apache.cxf.attachment.ByteDataSource;

/**
 * Valid filings of the XML contract, the same data as src/test/resources/soap/*.json (their canonical JSON).
 * A use unit of Guangzhou Tianhe (USCC 91440106MA5C12345N, region 440106) with elevators (3000) and its three people.
 */
final class SoapFilings {

    static final String UNIT_USCC = "91440106MA5C12345N";
    static final String PRINCIPAL_ID = "11010519491231002X";
    static final String DIRECTOR_ID = "440106198001010019";
    static final String OFFICER_ID = "440106199002020037";

    private SoapFilings() {}

    static PersonnelFiling personnelFiling() {
        Unit unit = new Unit();
        unit.setName("广州市天河示范物业管理有限公司");
        unit.setUscc(UNIT_USCC);
        unit.setUnitKind(UnitKind.USE);
        unit.setRegionCode("440106");
        unit.getEquipmentCategories().add("3000");
        unit.getUseRegistrationNumbers().add("梯11粤A00001(26)");
        PersonnelFiling filing = new PersonnelFiling();
        filing.setFilingKind(FilingKind.INITIAL);
        filing.setEffectiveDate("2026-11-01");
        filing.setUnit(unit);
        filing.getPersons().add(person("PRINCIPAL", "张伟", PRINCIPAL_ID, "13800138000", List.of(), List.of()));
        filing.getPersons().add(person("SAFETY_DIRECTOR", "李娜", DIRECTOR_ID, "13900139000", List.of("3000"),
                List.of()));
        filing.getPersons().add(person("SAFETY_OFFICER", "王强", OFFICER_ID, "13700137000", List.of("3000"),
                List.of("311010001202600001")));
        return filing;
    }

    private static Person person(String role, String name, String id, String mobile, List<String> categories,
            List<String> devices) {
        Person person = new Person();
        person.setRole(role);
        person.setName(name);
        person.setIdNumber(id);
        person.setMobile(mobile);
        person.setAppointedOn("2026-10-15");
        person.getEquipmentCategories().addAll(categories);
        person.getResponsibleDeviceCodes().addAll(devices);
        return person;
    }

    static SafetyRecord dailyCheck() {
        ResponsiblePerson officer = new ResponsiblePerson();
        officer.setName("王强");
        officer.setIdNumber(OFFICER_ID);
        officer.setRole("SAFETY_OFFICER");
        SafetyRecord record = new SafetyRecord();
        record.setRecordKind(RecordKind.DAILY_CHECK);
        record.setUnitUscc(UNIT_USCC);
        record.setEquipmentCategory("3000");
        record.setPeriod("2026-11-27");
        record.setResponsiblePerson(officer);
        record.setOperatingStatus(OperatingStatus.IN_SERVICE);
        return record;
    }

    static SafetyRecord dailyCheckWithFinding() {
        SafetyRecord record = dailyCheck();
        Finding finding = new Finding();
        finding.setItem("3号梯层门联锁");
        finding.setHazardLevel(HazardLevel.GENERAL);
        finding.setActionTaken("当场调整门锁啮合深度");
        finding.setRectifiedOn("2026-11-27");
        record.getFindings().add(finding);
        return record;
    }

    static YearEndReport yearEndReport(byte[] pdf) {
        Issuer issuer = new Issuer();
        issuer.setName("广东省市场监督管理局");
        issuer.setUscc("114400000069400632");
        issuer.setRegionCode("440000");
        Figures figures = new Figures();
        figures.setUnitsFiled(12034);
        figures.setUnitsFullyStaffed(11876);
        figures.setUnitsWithMechanism(11502);
        figures.setOrdersIssued(1690);
        figures.setPenalties(57);
        YearEndReport report = new YearEndReport();
        report.setIssuer(issuer);
        report.setDocumentNumber("粤市监特〔2026〕12号");
        report.setTitle("广东省市场监督管理局关于2026年特种设备企业主体责任落实工作情况的报告");
        report.getMainRecipients().add("市场监管总局特种设备局");
        report.setIssuedOn("2026-11-20");
        report.setClassification("公开");
        report.setYear(2026);
        report.setFigures(figures);
        Attachment attachment = new Attachment();
        attachment.setFileName("年度工作总结.pdf");
        attachment.setMediaType("application/pdf");
        attachment.setContentBase64(new DataHandler(new ByteDataSource(pdf, "application/pdf")));
        report.getAttachments().add(attachment);
        return report;
    }

    /** A small but well-formed PDF body of {@code size} bytes. */
    static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        byte[] head = "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i < size; i++) {
            bytes[i] = i < head.length ? head[i] : (byte) ('a' + i % 26);
        }
        return bytes;
    }
}
