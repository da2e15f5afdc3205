package cn.sedx.gateway.intake.soap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The JSON Schemas and the SOAP XSD say the same thing: at every level of every filing type, the JSON properties and
 * the XSD elements have the same names (the XML contract is the JSON one, element for field).
 */
class ContractParityTests {

    private static final String XS = "http://www.w3.org/2001/XMLSchema";

    @ParameterizedTest
    @CsvSource({"personnel-filing.schema.json, PersonnelFiling", "safety-record.schema.json, SafetyRecord",
            "year-end-report.schema.json, YearEndReport", "training-record.schema.json, TrainingRecord",
            "rectification-order.schema.json, RectificationOrder",
            "rectification-order-change.schema.json, RectificationOrderChange",
            "agency-report.schema.json, AgencyReport"})
    void namesTheSameFieldsAtEveryLevel(String schema, String complexType) throws Exception {
        JsonNode json = new ObjectMapper().readTree(Path.of("schemas", schema).toFile());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document xsd = factory.newDocumentBuilder().parse(Path.of("schemas", "submission-types.xsd").toFile());
        Map<String, Element> types = new TreeMap<>();
        NodeList complex = xsd.getElementsByTagNameNS(XS, "complexType");
        for (int i = 0; i < complex.getLength(); i++) {
            Element type = (Element) complex.item(i);
            if (type.hasAttribute("name")) {
                types.put(type.getAttribute("name"), type);
            }
        }
        List<String> differences = new ArrayList<>();

        compare(json, types.get(complexType), types, "", differences);

        assertThat(differences).as("JSON Schema %s against XSD type %s", schema, complexType).isEmpty();
    }

    /** A property defined in common.schema.json ({@code "$ref": "common.schema.json#/$defs/x"}) is compared too. */
    private static JsonNode resolve(JsonNode property) {
        String ref = property.path("$ref").asText("");
        if (ref.isEmpty()) {
            return property;
        }
        try {
            JsonNode common = new ObjectMapper().readTree(Path.of("schemas", "common.schema.json").toFile());
            String pointer = ref.substring(ref.indexOf('#') + 1);
            // the filing schemas refer to common.schema.json, and common's own definitions to each other ("#/…")
            JsonNode target = common.at(pointer);
            return target.isMissingNode() ? property : resolve(target);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void compare(JsonNode object, Element type, Map<String, Element> types, String at,
            List<String> differences) {
        JsonNode properties = object.path("properties");
        TreeSet<String> jsonNames = new TreeSet<>();
        properties.fieldNames().forEachRemaining(jsonNames::add);
        Map<String, Element> elements = new TreeMap<>();
        NodeList children = type.getElementsByTagNameNS(XS, "element");
        for (int i = 0; i < children.getLength(); i++) {
            Element element = (Element) children.item(i);
            elements.put(element.getAttribute("name"), element);
        }
        if (!jsonNames.equals(new TreeSet<>(elements.keySet()))) {
            differences.add(at + ": JSON " + jsonNames + " vs XSD " + elements.keySet());
            return;
        }
        for (String name : jsonNames) {
            JsonNode property = resolve(properties.get(name));
            JsonNode nested = property.has("items") ? resolve(property.get("items")) : property;
            Element nestedType = types.get(elements.get(name).getAttribute("type").replace("sub:", ""));
            if (nested.has("properties") && nestedType != null) {
                compare(nested, nestedType, types, at + "/" + name, differences);
            } else if (nested.has("properties")) {
                differences.add(at + "/" + name + ": an object in JSON, no complex type in the XSD");
            }
        }
    }
}
