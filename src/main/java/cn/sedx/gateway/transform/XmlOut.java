package cn.sedx.gateway.transform;

import com.fasterxml.jackson.databind.JsonNode;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Small helpers over a StAX writer in the national namespace: an element per present JSON field. */
final class XmlOut {

    static final String NS = "urn:sedx:national-filing:1";
    static final String PREFIX = "nf";

    private final XMLStreamWriter xml;

    XmlOut(XMLStreamWriter xml) {
        this.xml = xml;
    }

    void start(String name) throws XMLStreamException {
        xml.writeStartElement(PREFIX, name, NS);
    }

    void end() throws XMLStreamException {
        xml.writeEndElement();
    }

    void attribute(String name, String value) throws XMLStreamException {
        if (value != null) {
            xml.writeAttribute(name, value);
        }
    }

    /** An element holding {@code value}; nothing when the value is null. */
    void text(String name, String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        start(name);
        xml.writeCharacters(value);
        end();
    }

    /** An element holding a JSON field's text; nothing when the field is absent or null. */
    void field(String name, JsonNode node, String field) throws XMLStreamException {
        text(name, textOf(node, field));
    }

    /** A wrapper element with one child per array item; nothing when the array is absent. */
    void list(String wrapper, String item, JsonNode array) throws XMLStreamException {
        if (array == null || !array.isArray()) {
            return;
        }
        start(wrapper);
        for (JsonNode value : array) {
            text(item, value.asText());
        }
        end();
    }

    static String textOf(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
