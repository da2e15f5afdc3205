package cn.sedx.gateway.upload;

import cn.sedx.gateway.transform.PersonnelElements;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the national personnel batch ({@code schemas/national-personnel-batch.xsd}) piece by piece: the opening
 * of a chunk, one {@code Filing} at a time ({@link Fragments}), the closing {@code Totals}. The pieces are plain
 * UTF-8 bytes concatenated by the caller, so a chunk can be cut before a filing that would not fit. StAX escapes
 * all text. Thread-safe; a {@link Fragments} is not.
 */
final class PersonnelBatchXml {

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

    /** A writer of {@code Filing} elements into one reusable buffer, for one thread. */
    public Fragments fragments() {
        try {
            return new Fragments(factory);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("no StAX writer", e);
        }
    }

    /**
     * Writes {@code Filing} elements (in the batch's default namespace) one at a time; each replaces the last in
     * the buffer. One StAX writer serves every filing: it sits inside a wrapper element never written out.
     */
    public static final class Fragments {

        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 14);
        private final XMLOutputFactory factory;
        private XMLStreamWriter xml;

        private Fragments(XMLOutputFactory factory) throws XMLStreamException {
            this.factory = factory;
            start();
        }

        private void start() throws XMLStreamException {
            buffer.reset();
            xml = factory.createXMLStreamWriter(buffer, StandardCharsets.UTF_8.name());
            xml.writeStartElement("wrapper");
            xml.writeCharacters("");
            xml.flush();
        }

        /**
         * Writes one filing, replacing the previous one in the buffer.
         *
         * @param filing the canonical personnel filing JSON
         * @return the number of person records written
         * @throws XMLStreamException when the filing cannot be written (text XML cannot carry); the writer is then
         *     started afresh, so the next filing is not written inside the broken one
         */
        public int write(String messageId, Instant receivedAt, JsonNode filing) throws XMLStreamException {
            try {
                return writeFiling(messageId, receivedAt, filing);
            } catch (XMLStreamException | RuntimeException e) {
                start();
                throw e;
            }
        }

        private int writeFiling(String messageId, Instant receivedAt, JsonNode filing) throws XMLStreamException {
            buffer.reset();
            xml.writeStartElement("Filing");
            xml.writeAttribute("messageId", messageId);
            xml.writeAttribute("receivedAt", receivedAt.toString());
            xml.writeAttribute("filingKind", filing.path("filingKind").asText());
            xml.writeAttribute("effectiveDate", filing.path("effectiveDate").asText());
            unit(filing.path("unit"));
            int records = 0;
            for (JsonNode person : filing.path("persons")) {
                person(person);
                records++;
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.flush();
            return records;
        }

        /** Bytes of the last filing written. */
        public int size() {
            return buffer.size();
        }

        /** A copy of the last filing written. */
        public byte[] bytes() {
            return buffer.toByteArray();
        }

        /** Appends the last filing written to {@code out}. */
        public void writeTo(OutputStream out) throws java.io.IOException {
            buffer.writeTo(out);
        }

        private void unit(JsonNode unit) throws XMLStreamException {
            xml.writeStartElement("Unit");
            elements(unit, PersonnelElements.UNIT, PersonnelElements.UNIT_LISTS);
            xml.writeEndElement();
        }

        private void person(JsonNode person) throws XMLStreamException {
            xml.writeStartElement("Person");
            xml.writeAttribute("role", person.path("role").asText());
            xml.writeAttribute("idType", PersonnelElements.idType(person));
            elements(person, PersonnelElements.PERSON, PersonnelElements.PERSON_LISTS);
            xml.writeEndElement();
        }

        private void elements(JsonNode node, List<PersonnelElements.Text> texts,
                List<PersonnelElements.Repeated> lists) throws XMLStreamException {
            for (PersonnelElements.Text text : texts) {
                text(text.element(), node.get(text.field()));
            }
            for (PersonnelElements.Repeated list : lists) {
                each(list.flatItem(), node.get(list.field()));
            }
        }

        private void text(String name, JsonNode value) throws XMLStreamException {
            if (value != null && !value.isNull()) {
                xml.writeStartElement(name);
                xml.writeCharacters(value.asText());
                xml.writeEndElement();
            }
        }

        private void each(String name, JsonNode values) throws XMLStreamException {
            if (values != null) {
                for (JsonNode value : values) {
                    text(name, value);
                }
            }
        }
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
