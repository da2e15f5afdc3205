package cn.sedx.gateway.transform;

import com.fasterxml.jackson.databind.JsonNode;
import javax.xml.stream.XMLStreamException;

/**
 * The national XML of the campaign's other records (issue 16): training records, rectification orders and their
 * changes, agencies' reports; field by field in the order of {@code schemas/national-filing.xsd}. Attached files are
 * named in {@code Attachments}; the exchange package carries them as entries.
 */
final class CampaignContent {

    private CampaignContent() {}

    /** @param regionCode where the unit is, as the gateway resolved it; null when unknown */
    static void trainingRecord(XmlOut xml, JsonNode record, String regionCode) throws XMLStreamException {
        xml.start("TrainingRecord");
        unit(xml, record, regionCode);
        person(xml, record.path("person"));
        JsonNode organiser = record.path("organiser");
        xml.start("Organiser");
        xml.attribute("kind", XmlOut.textOf(organiser, "kind"));
        xml.field("Name", organiser, "name");
        xml.field("Uscc", organiser, "uscc");
        xml.end();
        xml.field("TrainedOn", record, "trainedOn");
        xml.field("Hours", record, "hours");
        xml.field("Content", record, "content");
        JsonNode assessment = record.path("assessment");
        xml.start("Assessment");
        xml.attribute("result", XmlOut.textOf(assessment, "result"));
        xml.attribute("assessedBy", XmlOut.textOf(assessment, "assessedBy"));
        xml.field("Score", assessment, "score");
        xml.field("AssessedOn", assessment, "assessedOn");
        xml.field("RegulatorName", assessment, "regulatorName");
        xml.end();
        xml.end();
    }

    static void rectificationOrder(XmlOut xml, JsonNode order, String regionCode) throws XMLStreamException {
        xml.start("RectificationOrder");
        xml.attribute("orderNumber", XmlOut.textOf(order, "orderNumber"));
        JsonNode authority = order.path("issuingAuthority");
        xml.start("IssuingAuthority");
        xml.field("Name", authority, "name");
        xml.field("Uscc", authority, "uscc");
        xml.field("RegionCode", authority, "regionCode");
        xml.end();
        unit(xml, order, regionCode);
        xml.field("UnitName", order, "unitName");
        failings(xml, order.path("failings"));
        xml.field("LegalBasis", order, "legalBasis");
        xml.field("IssuedOn", order, "issuedOn");
        xml.field("Deadline", order, "deadline");
        xml.end();
    }

    /** @param unitUscc the order's unit (the change names only the order) */
    static void orderChange(XmlOut xml, JsonNode change, String unitUscc, String regionCode)
            throws XMLStreamException {
        xml.start("RectificationOrderChange");
        xml.attribute("orderNumber", XmlOut.textOf(change, "orderNumber"));
        xml.attribute("status", XmlOut.textOf(change, "status"));
        xml.text("UnitUscc", unitUscc);
        xml.text("RegionCode", regionCode);
        JsonNode rectification = change.get("rectification");
        if (rectification != null) {
            xml.start("Rectification");
            xml.field("RectifiedOn", rectification, "rectifiedOn");
            xml.field("Description", rectification, "description");
            files(xml, rectification.get("attachments"));
            xml.end();
        }
        JsonNode penalty = change.get("penalty");
        if (penalty != null) {
            xml.start("Penalty");
            xml.field("DecisionNumber", penalty, "decisionNumber");
            xml.field("DecidedOn", penalty, "decidedOn");
            xml.field("Description", penalty, "description");
            xml.end();
        }
        JsonNode overdue = change.get("overdue");
        if (overdue != null) {
            xml.start("Overdue");
            xml.field("Deadline", overdue, "deadline");
            xml.field("DetectedOn", overdue, "detectedOn");
            xml.end();
        }
        xml.end();
    }

    static void agencyReport(XmlOut xml, JsonNode report, String regionCode) throws XMLStreamException {
        xml.start("AgencyReport");
        JsonNode agency = report.path("agency");
        xml.start("Agency");
        xml.field("Name", agency, "name");
        xml.field("Uscc", agency, "uscc");
        xml.field("ApprovalNumber", agency, "approvalNumber");
        xml.end();
        unit(xml, report, regionCode);
        xml.field("UnitName", report, "unitName");
        JsonNode source = report.path("source");
        xml.start("Source");
        xml.attribute("kind", XmlOut.textOf(source, "kind"));
        xml.field("ReportNumber", source, "reportNumber");
        xml.field("Date", source, "date");
        xml.end();
        failings(xml, report.path("failings"));
        xml.field("Description", report, "description");
        files(xml, report.get("attachments"));
        xml.end();
    }

    private static void unit(XmlOut xml, JsonNode record, String regionCode) throws XMLStreamException {
        xml.field("UnitUscc", record, "unitUscc");
        xml.field("UnitKind", record, "unitKind");
        xml.text("RegionCode", regionCode != null ? regionCode : XmlOut.textOf(record, "regionCode"));
    }

    private static void person(XmlOut xml, JsonNode person) throws XMLStreamException {
        xml.start("Person");
        xml.attribute("role", XmlOut.textOf(person, "role"));
        xml.attribute("idType", PersonnelElements.idType(person));
        xml.field("Name", person, "name");
        xml.field("IdNumber", person, "idNumber");
        xml.field("Nationality", person, "nationality");
        xml.end();
    }

    private static void failings(XmlOut xml, JsonNode failings) throws XMLStreamException {
        xml.start("Failings");
        for (JsonNode failing : failings) {
            xml.start("Failing");
            xml.attribute("code", XmlOut.textOf(failing, "code"));
            xml.field("EquipmentCategory", failing, "equipmentCategory");
            xml.field("Description", failing, "description");
            xml.end();
        }
        xml.end();
    }

    /** The files as package entries of their names; nothing when there are none. */
    private static void files(XmlOut xml, JsonNode attachments) throws XMLStreamException {
        if (attachments == null || attachments.isEmpty()) {
            return;
        }
        xml.start("Attachments");
        for (JsonNode attachment : attachments) {
            xml.start("Attachment");
            xml.attribute("entry", XmlOut.textOf(attachment, "fileName"));
            xml.attribute("mediaType", XmlOut.textOf(attachment, "mediaType"));
            xml.end();
        }
        xml.end();
    }
}
