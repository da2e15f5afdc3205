package cn.sedx.gateway.transform;

import cn.sedx.gateway.shared.ErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Canonical JSON → the national platforms' XML ({@code schemas/national-filing.xsd}): personnel filings and
 * safety records for the supervision platform, a year-end report's document data and figures for the document
 * exchange (its files travel as separate package entries, named in {@code Attachments}). Written with StAX,
 * which never resolves entities when writing. Thread-safe.
 */
public class NationalXml {

    /** The format versions this mapper writes. */
    public static final Set<String> VERSIONS = Set.of("1.0");

    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    /**
     * @return the UTF-8 XML document
     * @throws TransformException FORMAT_VERSION_UNSUPPORTED, or TRANSFORM_FAILED when the content cannot be
     *     written
     */
    public byte[] write(String formatVersion, Envelope envelope, JsonNode canonical) {
        if (!VERSIONS.contains(formatVersion)) {
            throw new TransformException(ErrorCode.FORMAT_VERSION_UNSUPPORTED, envelope.messageId(),
                    "national format " + formatVersion + " is not supported (" + VERSIONS + ")", null);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter writer = factory.createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
            XmlOut xml = new XmlOut(writer);
            writer.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.start("NationalFiling");
            writer.writeNamespace(XmlOut.PREFIX, XmlOut.NS);
            xml.attribute("formatVersion", formatVersion);
            xml.attribute("messageId", envelope.messageId());
            xml.attribute("messageType", envelope.type().name());
            xml.attribute("receivedAt", envelope.receivedAt().toString());
            switch (envelope.type()) {
                case PERSONNEL_FILING -> NationalContent.personnelFiling(xml, canonical);
                case SAFETY_RECORD -> NationalContent.safetyRecord(xml, canonical, envelope.regionCode());
                case YEAR_END_REPORT -> NationalContent.yearEndReport(xml, canonical);
                case TRAINING_RECORD -> CampaignContent.trainingRecord(xml, canonical, envelope.regionCode());
                case RECTIFICATION_ORDER -> CampaignContent.rectificationOrder(xml, canonical, envelope.regionCode());
                case RECTIFICATION_ORDER_CHANGE -> CampaignContent.orderChange(xml, canonical, envelope.unitUscc(),
                        envelope.regionCode());
                case AGENCY_REPORT -> CampaignContent.agencyReport(xml, canonical, envelope.regionCode());
                case PERSONNEL_BATCH -> throw new IllegalArgumentException("a personnel batch is written as it is cut");
            }
            xml.end();
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException | RuntimeException e) {
            throw new TransformException(ErrorCode.TRANSFORM_FAILED, envelope.messageId(),
                    "cannot write national XML: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }
}
