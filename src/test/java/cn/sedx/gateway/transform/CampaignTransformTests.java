package cn.sedx.gateway.transform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.support.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;

/**
 * The campaign's other records (issue 16) in both target formats: the provincial JSON carries the accepted record
 * unchanged with its unit; the national XML is valid against {@code schemas/national-filing.xsd} and carries each
 * field, files named as package entries.
 */
class CampaignTransformTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Envelope envelope(MessageType type) {
        return new Envelope("0f0e0d0c-0000-4000-8000-000000000016", type, Instant.parse("2026-11-28T08:00:00Z"),
                "91440106MA59ABCDEX", "440106");
    }

    @ParameterizedTest
    @CsvSource({"training-record/valid-director-trained-by-entrusted-body.json, TRAINING_RECORD",
            "rectification-order/valid-order-no-director.json, RECTIFICATION_ORDER",
            "rectification-order-change/valid-rectified-with-evidence.json, RECTIFICATION_ORDER_CHANGE",
            "rectification-order-change/valid-penalised.json, RECTIFICATION_ORDER_CHANGE",
            "agency-report/valid-inspection-report.json, AGENCY_REPORT"})
    void writesProvincialJsonWithTheRecordUnchangedAndItsUnit(String path, MessageType type) throws IOException {
        JsonNode canonical = Fixtures.json(path);

        JsonNode provincial = JSON.readTree(new ProvincialJson(JSON).write("1.0", envelope(type), canonical));

        assertThat(provincial.get("messageType").asText()).isEqualTo(type.name());
        assertThat(provincial.get("filing")).isEqualTo(canonical);
        assertThat(provincial.at("/unit/uscc").asText()).isEqualTo("91440106MA59ABCDEX");
        assertThat(provincial.at("/unit/regionCode").asText()).isEqualTo("440106");
    }

    @ParameterizedTest
    @CsvSource({
        "training-record/valid-director-trained-by-entrusted-body.json, TRAINING_RECORD, //*[local-name()='Hours'], 16.5",
        "training-record/valid-spot-check-failed.json, TRAINING_RECORD, //*[local-name()='RegulatorName'], 广州市天河区市场监督管理局",
        "rectification-order/valid-order-no-director.json, RECTIFICATION_ORDER, //*[local-name()='Failing'][2]/*[local-name()='EquipmentCategory'], 2000",
        "rectification-order-change/valid-rectified-with-evidence.json, RECTIFICATION_ORDER_CHANGE, //*[local-name()='Attachment']/@entry, 整改报告.pdf",
        "rectification-order-change/valid-penalised.json, RECTIFICATION_ORDER_CHANGE, //*[local-name()='DecisionNumber'], 穗天市监罚〔2026〕3号",
        "agency-report/valid-inspection-report.json, AGENCY_REPORT, //*[local-name()='ApprovalNumber'], TS7110001-2027",
        "agency-report/valid-assessment-report-without-files.json, AGENCY_REPORT, //*[local-name()='Source']/@kind, ASSESSMENT",
    })
    void writesNationalXmlValidAgainstTheSchema(String path, MessageType type, String xpath, String expected)
            throws Exception {
        byte[] xml = new NationalXml().write("1.0", envelope(type), Fixtures.json(path));

        SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        schemas.newSchema(Path.of("schemas", "national-filing.xsd").toFile()).newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(xml)));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        XPath query = XPathFactory.newInstance().newXPath();
        assertThat(query.evaluate(xpath, document)).isEqualTo(expected);
        assertThat(query.evaluate("//*[local-name()='RegionCode'][1]", document)).isEqualTo("440106");
    }
}
