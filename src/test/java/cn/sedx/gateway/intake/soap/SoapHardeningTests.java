package cn.sedx.gateway.intake.soap;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.intake.soap.ws.Receipt;
import cn.sedx.gateway.support.GatewayTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Hostile and broken requests, sent as raw HTTP (a generated client cannot send them): each is answered by a
 * SOAP fault with its own code and no stack trace, and the gateway still serves a valid filing afterwards.
 */
@GatewayTest
class SoapHardeningTests {

    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    private static final String SUB = SoapXPaths.NAMESPACE;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    static Stream<Arguments> hostileRequests() {
        return Stream.of(
                Arguments.of("external entity (XXE)", xxe(), "XML_DTD_REFUSED"),
                Arguments.of("billion laughs", billionLaughs(), "XML_DTD_REFUSED"),
                Arguments.of("header elements nested 200 deep", "<soap:Envelope xmlns:soap=\"" + SOAP11
                        + "\"><soap:Header>" + "<x:a xmlns:x=\"urn:x\">".repeat(200) + "</x:a>".repeat(200)
                        + "</soap:Header><soap:Body/></soap:Envelope>", "NESTING_TOO_DEEP"),
                // the body is unmarshalled as it streams: the first element the WSDL does not know stops it
                Arguments.of("unknown elements nested 200 deep in the body", envelope(SOAP12,
                        "<sub:GetMessageStatus><sub:messageId>" + "<sub:b>".repeat(200) + "</sub:b>".repeat(200)
                        + "</sub:messageId></sub:GetMessageStatus>"), "SCHEMA_VIOLATION"),
                Arguments.of("10 001 children of one element", envelope(SOAP11, "<sub:SubmitPersonnelFiling>"
                        + "<sub:filing>" + "<sub:persons/>".repeat(10_001) + "</sub:filing>"
                        + "</sub:SubmitPersonnelFiling>"), "XML_TOO_MANY_ELEMENTS"),
                Arguments.of("unclosed element", "<soap:Envelope xmlns:soap=\"" + SOAP11 + "\"><soap:Body>"
                        + "<sub:GetMessageStatus xmlns:sub=\"" + SUB + "\"><sub:messageId>x</soap:Body>",
                        "MALFORMED_XML"),
                Arguments.of("not XML at all", "messageId=1&op=status", "MALFORMED_XML"),
                Arguments.of("envelope of no SOAP version", "<e:Envelope xmlns:e=\"urn:not-soap\"><e:Body>"
                        + "<sub:GetMessageStatus xmlns:sub=\"" + SUB + "\"><sub:messageId>x</sub:messageId>"
                        + "</sub:GetMessageStatus></e:Body></e:Envelope>", "SOAP_VERSION_MISMATCH"),
                Arguments.of("request element in another namespace", "<soap:Envelope xmlns:soap=\"" + SOAP11
                        + "\"><soap:Body><GetMessageStatus xmlns=\"urn:other\"><messageId>x</messageId>"
                        + "</GetMessageStatus></soap:Body></soap:Envelope>", "SOAP_NAMESPACE_UNKNOWN"),
                Arguments.of("unknown operation", envelope(SOAP11, "<sub:DeleteAllMessages/>"),
                        "SOAP_OPERATION_UNKNOWN"),
                Arguments.of("envelope without body", "<soap:Envelope xmlns:soap=\"" + SOAP11 + "\">"
                        + "<soap:Header/></soap:Envelope>", "SOAP_BODY_MISSING"),
                Arguments.of("empty body", envelope(SOAP12, ""), "SOAP_BODY_MISSING"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void answersHostileOrBrokenRequestWithItsOwnFaultCode(String name, String body, String code) throws Exception {
        HttpResponse<String> response = post(body.getBytes(StandardCharsets.UTF_8), true);

        assertFault(response, code);
        assertThat(response.body()).doesNotContain("root:x:0:0", "lol9");
    }

    @Test
    void refusesRequestLargerThanTheLimitWhenItsLengthIsDeclared() throws Exception {
        HttpResponse<String> response = post(oversize(), true);

        assertFault(response, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void refusesChunkedRequestLargerThanTheLimitWhileReadingIt() throws Exception {
        HttpResponse<String> response = post(oversize(), false);

        assertFault(response, "PAYLOAD_TOO_LARGE");
    }

    @AfterEach
    void gatewayStillServes() throws Exception {
        Receipt receipt = SoapClients.soap11(port).submitPersonnelFiling(SoapSubmissionTests.personnel(),
                SoapSubmissionTests.key()).getReceipt();
        assertThat(receipt.getState()).isEqualTo("RECEIVED");
    }

    private void assertFault(HttpResponse<String> response, String code) throws Exception {
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("Exception", "at org.", "at java.", "at com.");
        Document fault = parse(response.body());
        assertThat(text(fault, SUB, "code")).isEqualTo(code);
        assertThat(text(fault, SUB, "messageZh")).isNotBlank();
        assertThat(text(fault, SUB, "messageEn")).isNotBlank();
        assertThat(fault.getElementsByTagNameNS(SUB, "xpath").getLength()).isPositive();
    }

    private HttpResponse<String> post(byte[] body, boolean declareLength) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = declareLength
                ? HttpRequest.BodyPublishers.ofByteArray(body)
                : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(SoapClients.address(port)))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"\"")
                .POST(publisher)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String envelope(String soapNamespace, String body) {
        return "<soap:Envelope xmlns:soap=\"" + soapNamespace + "\" xmlns:sub=\"" + SUB + "\"><soap:Body>" + body
                + "</soap:Body></soap:Envelope>";
    }

    private static String xxe() {
        return "<?xml version=\"1.0\"?><!DOCTYPE soap:Envelope [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + envelope(SOAP11, "<sub:GetMessageStatus><sub:messageId>&xxe;</sub:messageId>"
                        + "</sub:GetMessageStatus>");
    }

    private static String billionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        dtd.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
        for (int i = 2; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        dtd.append("]>");
        return dtd + envelope(SOAP11, "<sub:GetMessageStatus><sub:messageId>&lol9;</sub:messageId>"
                + "</sub:GetMessageStatus>");
    }

    private static byte[] oversize() {
        String head = "<soap:Envelope xmlns:soap=\"" + SOAP11 + "\" xmlns:sub=\"" + SUB + "\"><soap:Body>"
                + "<sub:GetMessageStatus><sub:messageId>";
        String tail = "</sub:messageId></sub:GetMessageStatus></soap:Body></soap:Envelope>";
        byte[] bytes = new byte[13 * 1024 * 1024];
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        java.util.Arrays.fill(bytes, (byte) 'x');
        System.arraycopy(h, 0, bytes, 0, h.length);
        System.arraycopy(t, 0, bytes, bytes.length - t.length, t.length);
        return bytes;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document document, String namespace, String name) {
        NodeList nodes = document.getElementsByTagNameNS(namespace, name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }
}
