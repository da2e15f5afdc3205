package cn.sedx.gateway.transform;

import static cn.sedx.gateway.transform.TransformFixtures.canonical;
import static cn.sedx.gateway.transform.TransformFixtures.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.support.Fixtures;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;

class NationalXmlTests {

    private final NationalXml national = new NationalXml();

    @ParameterizedTest
    @CsvSource({"personnel-filing.json, PERSONNEL_FILING", "safety-record.json, SAFETY_RECORD",
            "year-end-report.json, YEAR_END_REPORT"})
    void writesDocumentsValidAgainstTheNationalSchema(String fixture, MessageType type) throws Exception {
        byte[] xml = national.write("1.0", envelope(type), canonical(fixture));

        validator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    @Test
    void matchesTheYearEndReportFixture() throws Exception {
        byte[] xml = national.write("1.0", envelope(MessageType.YEAR_END_REPORT), canonical("year-end-report.json"));

        assertThat(new String(xml, StandardCharsets.UTF_8))
                .isEqualTo(Fixtures.text("transform/year-end-report.expected.xml").strip());
    }

    @Test
    void namesTheDefaultMainRecipientAndEscapesMarkupInText() throws Exception {
        Document report = parse(national.write("1.0", envelope(MessageType.YEAR_END_REPORT),
                canonical("year-end-report.json")));
        Document filing = parse(national.write("1.0", envelope(MessageType.PERSONNEL_FILING),
                canonical("personnel-filing.json")));

        XPath xpath = XPathFactory.newInstance().newXPath();
        assertThat(xpath.evaluate("//*[local-name()='MainRecipients']/*", report)).isEqualTo("市场监管总局特种设备局");
        assertThat(xpath.evaluate("count(//*[local-name()='CopyRecipients']/*)", report)).isEqualTo("2");
        assertThat(xpath.evaluate("//*[local-name()='Person'][@role='SAFETY_OFFICER']/*[local-name()='Name']",
                filing)).isEqualTo("郑强 <&>");
    }

    @Test
    void carriesTheDocumentTypesTheUnitKindTheRegionAndTheSigner() throws Exception {
        ObjectNode filing = (ObjectNode) canonical("personnel-filing.json");
        ((ObjectNode) filing.get("persons").get(0)).put("idType", "PASSPORT").put("nationality", "USA")
                .put("idNumber", "546512345");
        ObjectNode record = ((ObjectNode) canonical("safety-record.json")).put("unitKind", "USE");
        ((ObjectNode) record.get("responsiblePerson")).put("idType", "HK_MACAO_PERMIT").put("idNumber", "H12345678");
        ObjectNode report = ((ObjectNode) canonical("year-end-report.json")).put("signer", "张明");

        byte[] filingXml = national.write("1.0", envelope(MessageType.PERSONNEL_FILING), filing);
        byte[] recordXml = national.write("1.0", envelope(MessageType.SAFETY_RECORD), record);
        byte[] reportXml = national.write("1.0", envelope(MessageType.YEAR_END_REPORT), report);

        for (byte[] xml : List.of(filingXml, recordXml, reportXml)) {
            validator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        }
        XPath xpath = XPathFactory.newInstance().newXPath();
        Document written = parse(filingXml);
        assertThat(xpath.evaluate("//*[local-name()='Person'][1]/@idType", written)).isEqualTo("PASSPORT");
        assertThat(xpath.evaluate("//*[local-name()='Person'][1]/*[local-name()='Nationality']", written))
                .isEqualTo("USA");
        assertThat(xpath.evaluate("//*[local-name()='Person'][2]/@idType", written)).isEqualTo("RESIDENT_ID");
        Document recordDoc = parse(recordXml);
        assertThat(xpath.evaluate("//*[local-name()='UnitKind']", recordDoc)).isEqualTo("USE");
        assertThat(xpath.evaluate("//*[local-name()='RegionCode']", recordDoc)).isEqualTo("440305");
        assertThat(xpath.evaluate("//*[local-name()='ResponsiblePerson']/@idType", recordDoc))
                .isEqualTo("HK_MACAO_PERMIT");
        assertThat(xpath.evaluate("//*[local-name()='Signer']", parse(reportXml))).isEqualTo("张明");
    }

    @Test
    void refusesAFormatVersionItDoesNotWrite() {
        assertThatThrownBy(() -> national.write("2.0", envelope(MessageType.SAFETY_RECORD),
                canonical("safety-record.json")))
                .isInstanceOfSatisfying(TransformException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.FORMAT_VERSION_UNSUPPORTED));
    }

    private static Validator validator() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Validator validator = factory.newSchema(Path.of("schemas", "national-filing.xsd").toFile()).newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return validator;
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
