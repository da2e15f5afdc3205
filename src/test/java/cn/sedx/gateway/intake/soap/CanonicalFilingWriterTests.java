package cn.sedx.gateway.intake.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sedx.gateway.intake.soap.ws.PersonnelFiling;
import cn.sedx.gateway.intake.soap.ws.SafetyRecord;
import cn.sedx.gateway.intake.soap.ws.YearEndReport;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.support.Fixtures;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.activation.DataHandler;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.Marshaller;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Base64;
import javax.xml.namespace.QName;
import javax.xml.transform.stream.StreamSource;
import org.apache.cxf.attachment.ByteDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The XML types are equivalent to the JSON contracts: every valid canonical fixture, turned into the XML of the
 * SOAP types and read back, comes out of {@link CanonicalFilingWriter} as the same JSON.
 */
class CanonicalFilingWriterTests {

    private final CanonicalFilingWriter writer = new CanonicalFilingWriter();
    private final ObjectMapper json = JsonMapper.builder().addModule(new SimpleModule()
            .addDeserializer(DataHandler.class, new Base64DataHandler())).build();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "personnel-filing/valid-use-unit.json, PERSONNEL_FILING",
        "personnel-filing/valid-production-unit.json, PERSONNEL_FILING",
        "personnel-filing/valid-filling-unit.json, PERSONNEL_FILING",
        "personnel-filing/valid-use-unit-director-also-officer.json, PERSONNEL_FILING",
        "safety-record/valid-daily-check.json, SAFETY_RECORD",
        "safety-record/valid-daily-check-zero-risk.json, SAFETY_RECORD",
        "safety-record/valid-weekly-investigation.json, SAFETY_RECORD",
        "safety-record/valid-monthly-dispatch.json, SAFETY_RECORD",
        "safety-record/valid-risk-control-list.json, SAFETY_RECORD",
        "safety-record/valid-temporarily-stopped.json, SAFETY_RECORD",
        "year-end-report/valid-report.json, YEAR_END_REPORT",
        "year-end-report/valid-report-without-main-recipients.json, YEAR_END_REPORT"})
    void writesEveryValidFixtureBackAsTheSameCanonicalJsonAfterAnXmlRoundTrip(String fixture, String type)
            throws Exception {
        JsonNode expected = Fixtures.json(fixture);
        Class<?> xmlType = switch (type) {
            case "PERSONNEL_FILING" -> PersonnelFiling.class;
            case "SAFETY_RECORD" -> SafetyRecord.class;
            default -> YearEndReport.class;
        };

        Object filing = throughXml(json.treeToValue(expected, xmlType), xmlType);
        JsonNode written = json.readTree(writer.write(filing, 20_000_000));

        if (type.equals("SAFETY_RECORD") && !expected.has("findings")) {
            ((ObjectNode) expected).putArray("findings");
        }
        assertThat(written).isEqualTo(expected);
        assertThat(CanonicalFilingWriter.typeOf(filing).name()).isEqualTo(type);
    }

    @Test
    void refusesAFilingWhoseJsonWouldPassTheLimit() throws Exception {
        JsonNode report = Fixtures.json("year-end-report/valid-report.json");
        YearEndReport filing = json.treeToValue(report, YearEndReport.class);

        assertThatThrownBy(() -> writer.write(filing, 100))
                .isInstanceOfSatisfying(SedxException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
    }

    @Test
    void mapsJsonPointersToXPathsOfTheRequest() {
        assertThat(SoapXPaths.of("SubmitPersonnelFiling", "/persons/0/idNumber"))
                .isEqualTo("/soap:Envelope/soap:Body/sub:SubmitPersonnelFiling/sub:filing/sub:persons[1]/sub:idNumber");
        assertThat(SoapXPaths.of("SubmitYearEndReport", "/attachments/1/contentBase64"))
                .isEqualTo("/soap:Envelope/soap:Body/sub:SubmitYearEndReport/sub:report/sub:attachments[2]"
                        + "/sub:contentBase64");
        assertThat(SoapXPaths.of("SubmitSafetyRecord", ""))
                .isEqualTo("/soap:Envelope/soap:Body/sub:SubmitSafetyRecord/sub:record");
        assertThat(SoapXPaths.of(null, "")).isEqualTo("/soap:Envelope/soap:Body");
    }

    private static Object throughXml(Object filing, Class<?> type) throws Exception {
        JAXBContext context = JAXBContext.newInstance(type);
        Marshaller marshaller = context.createMarshaller();
        StringWriter xml = new StringWriter();
        @SuppressWarnings({"unchecked", "rawtypes"})
        JAXBElement<?> element = new JAXBElement(new QName(SoapXPaths.NAMESPACE, "filing"), type, filing);
        marshaller.marshal(element, xml);
        return context.createUnmarshaller().unmarshal(new StreamSource(new StringReader(xml.toString())), type)
                .getValue();
    }

    /** Reads the canonical base64 attachment content into a DataHandler, as the SOAP types hold it. */
    private static final class Base64DataHandler extends StdDeserializer<DataHandler> {
        Base64DataHandler() {
            super(DataHandler.class);
        }

        @Override
        public DataHandler deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            byte[] bytes = Base64.getDecoder().decode(parser.getValueAsString());
            return new DataHandler(new ByteDataSource(bytes, "application/octet-stream"));
        }
    }
}
