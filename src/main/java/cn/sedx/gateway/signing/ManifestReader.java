package cn.sedx.gateway.signing;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.SecureXml;
import cn.sedx.gateway.shared.SedxException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;

/**
 * Reads {@code manifest.xml}: refuses any DTD (no entity expansion, no external fetch), validates
 * against {@code schemas/exchange-manifest.xsd}, then parses with StAX. Thread-safe.
 */
final class ManifestReader {

    static final String SCHEMA_RESOURCE = "/schemas/exchange-manifest.xsd";

    private final XMLInputFactory factory;
    private final Schema schema;

    ManifestReader() {
        factory = SecureXml.inputFactory();
        schema = loadSchema();
    }

    /** The manifest as parsed; the signature over these bytes is checked by the caller. */
    record Parsed(PackageManifest manifest, SignatureProfile profile, String digestAlgorithm,
            List<ManifestEntry> entries) {}

    /** @throws SedxException {@link ErrorCode#SIGNATURE_INVALID} when the manifest is malformed or invalid */
    Parsed read(byte[] manifestXml) {
        try {
            Parsed parsed = parse(manifestXml);
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(new ByteArrayInputStream(manifestXml)));
            return parsed;
        } catch (XMLStreamException | SAXException | IOException | RuntimeException e) {
            if (e instanceof SedxException sedx) {
                throw sedx;
            }
            throw SedxException.because(ErrorCode.SIGNATURE_INVALID,
                    "manifest.xml is not a valid manifest: " + e.getMessage(), e);
        }
    }

    private Parsed parse(byte[] manifestXml) throws XMLStreamException {
        XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(manifestXml));
        Map<String, List<String>> texts = new HashMap<>();
        List<ManifestEntry> entries = new ArrayList<>();
        String digestAlgorithm = null;
        boolean inDocument = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                // a DOCTYPE could smuggle entity expansion (billion laughs) or external fetches
                throw new SedxException(ErrorCode.SIGNATURE_INVALID, "manifest.xml must not declare a DTD");
            }
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("officialDocument")) {
                inDocument = false;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (xml.getLocalName()) {
                case "manifest", "sender", "recipients" -> { }
                case "officialDocument" -> inDocument = true;
                case "entries" -> digestAlgorithm = xml.getAttributeValue(null, "digestAlgorithm");
                case "entry" -> entries.add(entry(xml));
                default -> texts.computeIfAbsent((inDocument ? "doc." : "") + xml.getLocalName(),
                        k -> new ArrayList<>()).add(xml.getElementText());
            }
        }
        SignatureProfile profile = SignatureProfile.fromHeader(first(texts, "signatureAlgorithm"));
        return new Parsed(manifest(texts), profile, digestAlgorithm, entries);
    }

    private static ManifestEntry entry(XMLStreamReader xml) {
        return new ManifestEntry(xml.getAttributeValue(null, "name"), xml.getAttributeValue(null, "mediaType"),
                Long.parseLong(xml.getAttributeValue(null, "size")), xml.getAttributeValue(null, "digest"));
    }

    private static PackageManifest manifest(Map<String, List<String>> texts) {
        PackageManifest.OfficialDocument document = texts.containsKey("doc.title")
                ? new PackageManifest.OfficialDocument(first(texts, "doc.issuingAuthority"),
                        first(texts, "doc.documentNumber"), first(texts, "doc.title"),
                        texts.getOrDefault("doc.mainRecipient", List.of()),
                        texts.getOrDefault("doc.copyRecipient", List.of()),
                        LocalDate.parse(first(texts, "doc.dateWritten")), first(texts, "doc.urgency"),
                        Integer.parseInt(first(texts, "doc.version")), first(texts, "doc.previousMessageId"))
                : null;
        return new PackageManifest(first(texts, "messageId"), MessageType.valueOf(first(texts, "messageType")),
                new PackageManifest.Party(first(texts, "name"), first(texts, "uscc"), first(texts, "regionCode")),
                texts.getOrDefault("main", List.of()), texts.getOrDefault("copy", List.of()),
                Instant.parse(first(texts, "createdAt")), document);
    }

    private static String first(Map<String, List<String>> texts, String key) {
        List<String> values = texts.get(key);
        return values == null ? null : values.get(0).strip();
    }

    private static Schema loadSchema() {
        try (InputStream xsd = ManifestReader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (xsd == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is not on the class path");
            }
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(xsd));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            throw new IllegalStateException("exchange-manifest.xsd does not compile", e);
        }
    }
}
