package cn.sedx.gateway.transform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import javax.xml.stream.XMLStreamException;

/** The body of each national document type, field by field, in the order of the XSD's sequences. */
final class NationalContent {

    /** The 主送 of a report that names none (year-end reports go to SAMR's Special Equipment Bureau). */
    static final String DEFAULT_MAIN_RECIPIENT = "市场监管总局特种设备局";

    private NationalContent() {}

    static void personnelFiling(XmlOut xml, JsonNode filing) throws XMLStreamException {
        xml.start("PersonnelFiling");
        xml.attribute("filingKind", XmlOut.textOf(filing, "filingKind"));
        xml.attribute("effectiveDate", XmlOut.textOf(filing, "effectiveDate"));
        xml.start("Unit");
        elements(xml, filing.path("unit"), PersonnelElements.UNIT, PersonnelElements.UNIT_LISTS);
        xml.end();
        xml.start("Persons");
        for (JsonNode person : filing.path("persons")) {
            xml.start("Person");
            xml.attribute("role", XmlOut.textOf(person, "role"));
            xml.attribute("idType", PersonnelElements.idType(person));
            elements(xml, person, PersonnelElements.PERSON, PersonnelElements.PERSON_LISTS);
            xml.end();
        }
        xml.end();
        xml.end();
    }

    /**
     * @param regionCode where the unit is, as the gateway resolved it when it accepted the record (the record's own
     *                   region code, else its unit's filing's, else the credit code's); null when unknown
     */
    static void safetyRecord(XmlOut xml, JsonNode record, String regionCode) throws XMLStreamException {
        xml.start("SafetyRecord");
        xml.attribute("recordKind", XmlOut.textOf(record, "recordKind"));
        xml.attribute("period", XmlOut.textOf(record, "period"));
        xml.field("UnitUscc", record, "unitUscc");
        xml.field("UnitKind", record, "unitKind");
        xml.text("RegionCode", regionCode != null ? regionCode : XmlOut.textOf(record, "regionCode"));
        xml.field("EquipmentCategory", record, "equipmentCategory");
        JsonNode person = record.path("responsiblePerson");
        xml.start("ResponsiblePerson");
        xml.attribute("role", XmlOut.textOf(person, "role"));
        xml.attribute("idType", PersonnelElements.idType(person));
        xml.field("Name", person, "name");
        xml.field("IdNumber", person, "idNumber");
        xml.field("Nationality", person, "nationality");
        xml.end();
        xml.field("OperatingStatus", record, "operatingStatus");
        xml.field("StatusNote", record, "statusNote");
        xml.start("Findings");
        for (JsonNode finding : record.path("findings")) {
            xml.start("Finding");
            xml.attribute("hazardLevel", XmlOut.textOf(finding, "hazardLevel"));
            xml.field("Item", finding, "item");
            xml.field("ActionTaken", finding, "actionTaken");
            xml.field("RectifyBy", finding, "rectifyBy");
            xml.field("RectifiedOn", finding, "rectifiedOn");
            xml.end();
        }
        xml.end();
        xml.end();
    }

    private static void elements(XmlOut xml, JsonNode node, List<PersonnelElements.Text> texts,
            List<PersonnelElements.Repeated> lists) throws XMLStreamException {
        for (PersonnelElements.Text text : texts) {
            xml.field(text.element(), node, text.field());
        }
        for (PersonnelElements.Repeated list : lists) {
            xml.list(list.wrapper(), list.item(), node.get(list.field()));
        }
    }

    static void yearEndReport(XmlOut xml, JsonNode report) throws XMLStreamException {
        xml.start("YearEndReport");
        JsonNode issuer = report.path("issuer");
        xml.start("Issuer");
        xml.field("Name", issuer, "name");
        xml.field("Uscc", issuer, "uscc");
        xml.field("RegionCode", issuer, "regionCode");
        xml.end();
        xml.field("DocumentNumber", report, "documentNumber");
        xml.field("Signer", report, "signer");
        xml.field("Title", report, "title");
        xml.start("MainRecipients");
        for (String recipient : ReportFiles.mainRecipients(report)) {
            xml.text("Recipient", recipient);
        }
        xml.end();
        xml.list("CopyRecipients", "Recipient", report.get("copyRecipients"));
        xml.field("IssuedOn", report, "issuedOn");
        xml.field("Classification", report, "classification");
        xml.field("Urgency", report, "urgency");
        xml.field("Year", report, "year");
        JsonNode figures = report.path("figures");
        xml.start("Figures");
        xml.field("UnitsFiled", figures, "unitsFiled");
        xml.field("UnitsFullyStaffed", figures, "unitsFullyStaffed");
        xml.field("UnitsWithMechanism", figures, "unitsWithMechanism");
        xml.field("OrdersIssued", figures, "ordersIssued");
        xml.field("Penalties", figures, "penalties");
        xml.end();
        xml.start("Attachments");
        for (JsonNode attachment : report.path("attachments")) {
            xml.start("Attachment");
            xml.attribute("entry", XmlOut.textOf(attachment, "fileName"));
            xml.attribute("mediaType", XmlOut.textOf(attachment, "mediaType"));
            xml.end();
        }
        xml.end();
        xml.end();
    }
}
