package cn.sedx.gateway.upload;

import cn.sedx.gateway.shared.SecureXml;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a national personnel batch streaming, one filing at a time, and checks its {@code Totals} against what
 * it read. Refuses DTDs and external entities. Holds one filing in memory, never the document. Thread-safe.
 */
final class PersonnelBatchReader {

    /**
     * The header of a chunk and its totals as read.
     *
     * @param records person records read
     */
    public record Batch(String runId, int chunk, String senderRegion, int filings, long records) {}

    /**
     * One filing as read: enough to check and to count, not a full model.
     *
     * @param persons the role of each person record, in order
     */
    public record Filing(String messageId, String uscc, String regionCode, List<String> persons) {}

    private final XMLInputFactory factory;

    public PersonnelBatchReader() {
        factory = SecureXml.inputFactory();
    }

    /**
     * Hands each filing to {@code reader} in document order; {@code in} is not closed.
     *
     * @throws IllegalArgumentException when the document is not a batch or its totals do not match
     */
    public Batch read(InputStream in, Consumer<Filing> reader) throws XMLStreamException {
        XMLStreamReader xml = factory.createXMLStreamReader(in);
        try {
            xml.nextTag();
            if (!PersonnelBatchXml.NS.equals(xml.getNamespaceURI()) || !"PersonnelBatch".equals(xml.getLocalName())) {
                throw new IllegalArgumentException("not a personnel batch: " + xml.getName());
            }
            String runId = xml.getAttributeValue(null, "runId");
            int chunk = Integer.parseInt(xml.getAttributeValue(null, "chunk"));
            String sender = xml.getAttributeValue(null, "senderRegion");
            int filings = 0;
            long records = 0;
            while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                if ("Totals".equals(xml.getLocalName())) {
                    checkTotals(xml, filings, records);
                    xml.nextTag();
                    continue;
                }
                Filing filing = filing(xml);
                filings++;
                records += filing.persons().size();
                reader.accept(filing);
            }
            return new Batch(runId, chunk, sender, filings, records);
        } finally {
            xml.close();
        }
    }

    private static Filing filing(XMLStreamReader xml) throws XMLStreamException {
        String messageId = xml.getAttributeValue(null, "messageId");
        String uscc = null;
        String region = null;
        List<String> persons = new ArrayList<>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if ("Unit".equals(xml.getLocalName())) {
                while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    String text = xml.getElementText();
                    uscc = "Uscc".equals(name) ? text : uscc;
                    region = "RegionCode".equals(name) ? text : region;
                }
            } else {
                persons.add(xml.getAttributeValue(null, "role"));
                skip(xml);
            }
        }
        return new Filing(messageId, uscc, region, persons);
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            depth += event == XMLStreamConstants.START_ELEMENT ? 1 : event == XMLStreamConstants.END_ELEMENT ? -1 : 0;
        }
    }

    private static void checkTotals(XMLStreamReader xml, int filings, long records) {
        int statedFilings = Integer.parseInt(xml.getAttributeValue(null, "filings"));
        long statedRecords = Long.parseLong(xml.getAttributeValue(null, "records"));
        if (statedFilings != filings || statedRecords != records) {
            throw new IllegalArgumentException("totals say " + statedFilings + " filings, " + statedRecords
                    + " records; read " + filings + " and " + records);
        }
    }
}
