package cn.sedx.gateway.intake.batch;

import cn.sedx.gateway.intake.soap.CanonicalFilingWriter;
import cn.sedx.gateway.intake.soap.SoapXPaths;
import cn.sedx.gateway.intake.soap.XmlFailures;
import cn.sedx.gateway.intake.soap.ws.AgencyReport;
import cn.sedx.gateway.intake.soap.ws.PersonnelFiling;
import cn.sedx.gateway.intake.soap.ws.RectificationOrder;
import cn.sedx.gateway.intake.soap.ws.RectificationOrderChange;
import cn.sedx.gateway.intake.soap.ws.SafetyRecord;
import cn.sedx.gateway.intake.soap.ws.TrainingRecord;
import cn.sedx.gateway.intake.soap.ws.YearEndReport;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.SecureXml;
import cn.sedx.gateway.shared.SedxException;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * XML batch files: a {@code sub:Batch} element (schemas/submission-types.xsd) whose children are
 * {@code personnelFiling}, {@code safetyRecord}, {@code yearEndReport}, {@code trainingRecord},
 * {@code rectificationOrder}, {@code rectificationOrderChange} and {@code agencyReport} elements of the SOAP types. Read
 * with StAX one filing at a time; DTDs and external entities are refused (the parser never expands them).
 * The record number is the position of the filing element, from 1. A broken document ends the file: the
 * records before the break stand, the break is reported.
 */
final class XmlBatchRecords extends LookAheadRecords {

    private static final String MAX_ELEMENT_DEPTH = "com.ctc.wstx.maxElementDepth";
    private static final Map<String, Class<?>> ELEMENTS = Map.of("personnelFiling", PersonnelFiling.class,
            "safetyRecord", SafetyRecord.class, "yearEndReport", YearEndReport.class,
            "trainingRecord", TrainingRecord.class, "rectificationOrder", RectificationOrder.class,
            "rectificationOrderChange", RectificationOrderChange.class, "agencyReport", AgencyReport.class);
    private static final JAXBContext TYPES = context();

    private final InputStream in;
    private final Unmarshaller unmarshaller;
    private XMLStreamReader reader;
    private final CanonicalFilingWriter writer = new CanonicalFilingWriter();
    private final long maxRecordBytes;
    private long number;
    private boolean broken;
    // the reader stands just after a record's end element (see nextElement)
    private boolean afterRecord;
    // the failure found while opening the file: the file's only record
    private BatchRecord openingFailure;

    XmlBatchRecords(InputStream in, long maxRecordBytes) {
        this.in = in;
        this.maxRecordBytes = maxRecordBytes;
        this.unmarshaller = unmarshaller();
        try {
            this.reader = secureFactory().createXMLStreamReader(in);
            if (!toRoot()) {
                broken = true;
                openingFailure = failure(ErrorCode.XML_DTD_REFUSED, "文件含有 DTD", "the file holds a DTD");
            } else if (!"Batch".equals(reader.getLocalName())
                    || !SoapXPaths.NAMESPACE.equals(reader.getNamespaceURI())) {
                broken = true;
                openingFailure = failure(ErrorCode.SOAP_NAMESPACE_UNKNOWN, "根元素须为 {" + SoapXPaths.NAMESPACE + "}Batch",
                        "the root element must be {" + SoapXPaths.NAMESPACE + "}Batch");
            }
        } catch (XMLStreamException e) {
            broken = true;
            openingFailure = malformed(e);
        }
    }

    /** Moves to the root element; false when a DTD comes first. */
    private boolean toRoot() throws XMLStreamException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                return false;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
        }
        throw new XMLStreamException("no root element");
    }

    private static Unmarshaller unmarshaller() {
        try {
            return TYPES.createUnmarshaller();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot read the batch types", e);
        }
    }

    @Override
    protected BatchRecord advance() {
        if (openingFailure != null) {
            BatchRecord failure = openingFailure;
            openingFailure = null;
            return failure;
        }
        if (broken) {
            return null;
        }
        try {
            if (nextElement() != XMLStreamConstants.START_ELEMENT) {
                return null;
            }
            number++;
            long position = number;
            String name = reader.getLocalName();
            Class<?> type = ELEMENTS.get(name);
            if (type == null || !SoapXPaths.NAMESPACE.equals(reader.getNamespaceURI())) {
                broken = true;
                return failure(ErrorCode.SCHEMA_VIOLATION, "未知元素 " + name, "unknown element " + name);
            }
            Object filing = unmarshaller.unmarshal(reader, type).getValue();
            afterRecord = true;
            MessageType messageType = CanonicalFilingWriter.typeOf(filing);
            String element = "/sub:" + name;
            return BatchRecord.read(position, messageType, writer.write(filing, maxRecordBytes),
                    pointer -> new BatchRecord.Location(position, element + SoapXPaths.relative(pointer, "sub:")));
        } catch (XMLStreamException | JAXBException e) {
            broken = true;
            return malformed(e);
        } catch (SedxException e) {
            long position = number;
            return BatchRecord.unreadable(position, e, pointer -> new BatchRecord.Location(position, pointer));
        } catch (RuntimeException e) {
            // Woodstox reports some errors lazily, as an unchecked wrapper of the XMLStreamException
            if (!(e.getCause() instanceof XMLStreamException)) {
                throw e;
            }
            broken = true;
            return malformed(e);
        }
    }

    /**
     * Moves to the next record's start or the batch's end. Unmarshalling a record leaves the reader on the event after
     * the record's end: whitespace, or already the next record's start or the batch's end when the file has no
     * whitespace between elements (a minified file); moving on from there would skip that element.
     */
    private int nextElement() throws XMLStreamException {
        int event = afterRecord ? reader.getEventType() : reader.nextTag();
        afterRecord = false;
        if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            event = reader.nextTag();
        }
        return event;
    }

    /** What the parser refused, named as the SOAP channel names it (XmlFailures); anything else is MALFORMED_XML. */
    private BatchRecord malformed(Exception e) {
        ErrorCode code = XmlFailures.classify(e).code();
        return switch (code) {
            case XML_UNSAFE_TEXT -> failure(code, "文件在此处含有 XML 无法承载的字符",
                    "the file holds a character XML cannot carry here");
            case XML_DTD_REFUSED -> failure(code, "文件含有 DTD 或实体", "the file holds a DTD or an entity");
            case NESTING_TOO_DEEP, XML_TOO_MANY_ELEMENTS, XML_TEXT_TOO_LONG -> failure(code, "文件在此处超出 XML 限制",
                    "the file exceeds an XML limit here");
            default -> failure(ErrorCode.MALFORMED_XML, "文件在此处不是格式正确的 XML", "the file is not well-formed XML here");
        };
    }

    private BatchRecord failure(ErrorCode code, String zh, String en) {
        long position = Math.max(number, 1);
        SedxException failure = SedxException.at(code, "", zh, en);
        return BatchRecord.unreadable(position, failure, pointer -> new BatchRecord.Location(position, pointer));
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = SecureXml.inputFactory();
        // the SOAP channel's depth limit (sedx.soap.max-element-depth's default): a filing is 5 levels deep
        if (factory.isPropertySupported(MAX_ELEMENT_DEPTH)) {
            factory.setProperty(MAX_ELEMENT_DEPTH, 32);
        }
        return factory;
    }

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(ELEMENTS.values().toArray(Class<?>[]::new));
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot bind the batch types", e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (reader != null) {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new IOException(e);
        } finally {
            in.close();
        }
    }
}
