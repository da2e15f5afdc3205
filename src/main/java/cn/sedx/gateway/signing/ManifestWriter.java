package cn.sedx.gateway.signing;

import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes {@code manifest.xml} (schema {@code schemas/exchange-manifest.xsd}) with StAX, UTF-8. Thread-safe. */
final class ManifestWriter {

    static final String NAMESPACE = "urn:sedx:exchange:manifest:1";

    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    /** The manifest's exact bytes, as they are signed. */
    byte[] write(PackageManifest manifest, SignatureProfile profile, List<ManifestEntry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + 256 * entries.size());
        try {
            XMLStreamWriter xml = factory.createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("", "manifest", NAMESPACE);
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeAttribute("version", "1");
            text(xml, "messageId", manifest.messageId());
            text(xml, "messageType", manifest.type().name());
            text(xml, "createdAt", DateTimeFormatter.ISO_INSTANT.format(manifest.createdAt()));
            text(xml, "signatureAlgorithm", profile.headerValue());
            sender(xml, manifest.sender());
            recipients(xml, manifest);
            if (manifest.document() != null) {
                document(xml, manifest.document());
            }
            entries(xml, profile, entries);
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a manifest", e);
        }
        return bytes.toByteArray();
    }

    private static void sender(XMLStreamWriter xml, PackageManifest.Party sender) throws XMLStreamException {
        start(xml, "sender");
        text(xml, "name", sender.name());
        text(xml, "uscc", sender.uscc());
        text(xml, "regionCode", sender.regionCode());
        xml.writeEndElement();
    }

    private static void recipients(XMLStreamWriter xml, PackageManifest manifest) throws XMLStreamException {
        start(xml, "recipients");
        for (String main : manifest.mainRecipients()) {
            text(xml, "main", main);
        }
        for (String copy : manifest.copyRecipients()) {
            text(xml, "copy", copy);
        }
        xml.writeEndElement();
    }

    private static void document(XMLStreamWriter xml, PackageManifest.OfficialDocument document)
            throws XMLStreamException {
        start(xml, "officialDocument");
        text(xml, "issuingAuthority", document.issuingAuthority());
        text(xml, "documentNumber", document.documentNumber());
        text(xml, "title", document.title());
        for (String main : document.mainRecipients()) {
            text(xml, "mainRecipient", main);
        }
        for (String copy : document.copyRecipients()) {
            text(xml, "copyRecipient", copy);
        }
        text(xml, "dateWritten", document.dateWritten().toString());
        if (document.urgency() != null) {
            text(xml, "urgency", document.urgency());
        }
        text(xml, "version", Integer.toString(document.version()));
        if (document.previousMessageId() != null) {
            text(xml, "previousMessageId", document.previousMessageId());
        }
        xml.writeEndElement();
    }

    private static void entries(XMLStreamWriter xml, SignatureProfile profile, List<ManifestEntry> entries)
            throws XMLStreamException {
        start(xml, "entries");
        xml.writeAttribute("digestAlgorithm", profile.digestAlgorithm());
        for (ManifestEntry entry : entries) {
            xml.writeCharacters("\n    ");
            xml.writeEmptyElement(NAMESPACE, "entry");
            xml.writeAttribute("name", entry.name());
            xml.writeAttribute("mediaType", entry.mediaType());
            xml.writeAttribute("size", Long.toString(entry.size()));
            xml.writeAttribute("digest", entry.digest());
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void start(XMLStreamWriter xml, String name) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement(NAMESPACE, name);
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement(NAMESPACE, name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
