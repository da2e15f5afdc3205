package cn.sedx.gateway.upload;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the national personnel batch ({@code schemas/national-personnel-batch.xsd}) piece by piece: the opening
 * of a chunk, one {@code Filing} at a time, the closing {@code Totals}. The pieces are plain UTF-8 bytes
 * concatenated by the caller, so a chunk can be cut before a filing that would not fit. StAX escapes all text.
 * Thread-safe.
 */
public final class PersonnelBatchXml {

    /** The batch namespace. */
    public static final String NS = "urn:sedx:national:personnel-batch:1";
    /** The only format version written. */
    public static final String VERSION = "1.0";

    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    /** The XML declaration and the opening {@code PersonnelBatch} tag of one chunk. */
    public byte[] opening(String runId, int chunk, String senderRegion, Instant createdAt) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PersonnelBatch xmlns=\"" + NS + "\" formatVersion=\""
                + VERSION + "\" runId=\"" + attribute(runId) + "\" chunk=\"" + chunk + "\" senderRegion=\""
                + attribute(senderRegion) + "\" createdAt=\"" + createdAt + "\">\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The closing {@code Totals} and end tag. */
    public byte[] closing(int filings, long records) {
        return ("<Totals filings=\"" + filings + "\" records=\"" + records + "\"/>\n</PersonnelBatch>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes one {@code Filing} element (in the batch's default namespace) to {@code out}, which stays open.
     *
     * @param filing the canonical personnel filing JSON
     * @return the number of person records written
     */
    public int filing(String messageId, Instant receivedAt, JsonNode filing, OutputStream out)
            throws XMLStreamException {
        XMLStreamWriter xml = factory.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
        xml.writeStartElement("Filing");
        xml.writeAttribute("messageId", messageId);
        xml.writeAttribute("receivedAt", receivedAt.toString());
        xml.writeAttribute("filingKind", filing.path("filingKind").asText());
        xml.writeAttribute("effectiveDate", filing.path("effectiveDate").asText());
        JsonNode unit = filing.path("unit");
        xml.writeStartElement("Unit");
        text(xml, "Name", unit.get("name"));
        text(xml, "Uscc", unit.get("uscc"));
        text(xml, "UnitKind", unit.get("unitKind"));
        text(xml, "RegionCode", unit.get("regionCode"));
        each(xml, "Category", unit.get("equipmentCategories"));
        each(xml, "LicenceNumber", unit.get("licenceNumbers"));
        each(xml, "UseRegistrationNumber", unit.get("useRegistrationNumbers"));
        xml.writeEndElement();
        int records = 0;
        for (JsonNode person : filing.path("persons")) {
            xml.writeStartElement("Person");
            xml.writeAttribute("role", person.path("role").asText());
            text(xml, "Name", person.get("name"));
            text(xml, "IdNumber", person.get("idNumber"));
            text(xml, "Mobile", person.get("mobile"));
            text(xml, "AppointedOn", person.get("appointedOn"));
            text(xml, "CertificateNumber", person.get("certificateNumber"));
            each(xml, "Category", person.get("equipmentCategories"));
            each(xml, "DeviceCode", person.get("responsibleDeviceCodes"));
            xml.writeEndElement();
            records++;
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.flush();
        xml.close();
        return records;
    }

    private static void text(XMLStreamWriter xml, String name, JsonNode value) throws XMLStreamException {
        if (value != null && !value.isNull()) {
            xml.writeStartElement(name);
            xml.writeCharacters(value.asText());
            xml.writeEndElement();
        }
    }

    private static void each(XMLStreamWriter xml, String name, JsonNode values) throws XMLStreamException {
        if (values != null) {
            for (JsonNode value : values) {
                text(xml, name, value);
            }
        }
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
