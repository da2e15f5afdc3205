package cn.sedx.gateway.intake.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.sedx.gateway.intake.soap.ws.Submission;
import cn.sedx.gateway.intake.soap.ws.SubmissionFault_Exception;
import cn.sedx.gateway.intake.soap.ws.SubmissionService;
import cn.sedx.gateway.intake.soap.ws.SubmitPersonnelFiling;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.SampleCredentials;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.handler.MessageContext;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Nothing of a request's headers comes back: neither its HTTP headers (an operator's Basic password, a bearer
 * token, cookies, anything else) as response headers, nor its SOAP headers (the WS-Security password) in the
 * response envelope, on answers and on faults alike. Sent by the generated JAX-WS client and as raw SOAP over HTTP.
 */
@GatewayTest
class SoapHeaderEchoTests {

    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String COOKIE = "SESSION=cookie-secret-4711";
    private static final String CUSTOM = "x-custom-secret-0815";
    private static final String WRONG_TOKEN = "sedx-wrong-token-secret-9999";
    // the response headers a SOAP answer may carry; none of them holds anything of the request
    private static final Set<String> ANSWER_HEADERS = Set.of("content-type", "content-length", "date", "connection",
            "keep-alive", "transfer-encoding", "vary", "cache-control", "pragma", "expires", "x-content-type-options",
            "x-frame-options", "x-xss-protection", "content-security-policy", "referrer-policy");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aGeneratedClientsAnswerCarriesNoneOfItsHeaders() throws Exception {
        Submission client = SoapClients.soap11(port);
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("Authorization", new ArrayList<>(List.of("Bearer " + SampleCredentials.GD_PROVINCE_TOKEN)));
        headers.put("Cookie", new ArrayList<>(List.of(COOKIE)));
        headers.put("X-Custom", new ArrayList<>(List.of(CUSTOM)));
        ((BindingProvider) client).getRequestContext().put(MessageContext.HTTP_REQUEST_HEADERS, headers);

        client.submitPersonnelFiling(SoapSubmissionTests.personnel(), SoapSubmissionTests.key());

        assertNoneEchoed(responseHeaders(client), SampleCredentials.GD_PROVINCE_TOKEN);
    }

    @Test
    void aGeneratedClientsFaultCarriesNoneOfItsHeaders() throws Exception {
        Submission client = new SubmissionService().getSubmissionSoap11();
        ((BindingProvider) client).getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY,
                SoapClients.address(port));
        Map<String, List<String>> headers = new HashMap<>();
        String password = SampleCredentials.OPERATOR_PASSWORD;
        headers.put("Authorization", new ArrayList<>(List.of(basic(SampleCredentials.OPERATOR, password))));
        headers.put("Cookie", new ArrayList<>(List.of(COOKIE)));
        ((BindingProvider) client).getRequestContext().put(MessageContext.HTTP_REQUEST_HEADERS, headers);

        SubmissionFault_Exception fault = catchThrowableOfType(SubmissionFault_Exception.class,
                () -> client.getMessageStatus("00000000-0000-0000-0000-000000000000"));

        assertThat(fault.getFaultInfo().getCode()).isEqualTo("MESSAGE_NOT_FOUND");
        assertNoneEchoed(responseHeaders(client), password);
    }

    @Test
    void anAnswerCarriesNeitherTheHttpHeadersNorTheSoapHeadersOfItsRequest() throws Exception {
        HttpResponse<String> response = post(envelope(SampleCredentials.GD_PROVINCE_TOKEN, "answer-" + System.nanoTime(),
                personnelXml()), "Bearer " + SampleCredentials.GD_PROVINCE_TOKEN);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("RECEIVED");
        assertNothingEchoed(response, SampleCredentials.GD_PROVINCE_TOKEN);
    }

    @Test
    void aFaultCarriesNeitherTheHttpHeadersNorTheSoapHeadersOfItsRequest() throws Exception {
        HttpResponse<String> wrongToken = post(envelope(WRONG_TOKEN, "fault-" + System.nanoTime(), personnelXml()),
                null);
        HttpResponse<String> wrongPassword = post(envelope(SampleCredentials.GD_PROVINCE_TOKEN, "basic-"
                + System.nanoTime(), personnelXml()), basic(SampleCredentials.OPERATOR, WRONG_TOKEN));
        HttpResponse<String> invalid = post(envelope(SampleCredentials.GD_PROVINCE_TOKEN, "invalid-" + System.nanoTime(),
                personnelXml().replace("11010519491231002X", "110105194912310021")), null);

        assertThat(wrongToken.statusCode()).isEqualTo(500);
        assertThat(wrongToken.body()).contains("UNAUTHENTICATED");
        assertNothingEchoed(wrongToken, WRONG_TOKEN);
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertNothingEchoed(wrongPassword, WRONG_TOKEN);
        assertThat(invalid.statusCode()).isEqualTo(500);
        assertThat(invalid.body()).contains("ID_NUMBER_CHECKSUM");
        assertNothingEchoed(invalid, SampleCredentials.GD_PROVINCE_TOKEN);
    }

    private HttpResponse<String> post(String envelope, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SoapClients.address(port)))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"\"")
                .header("Cookie", COOKIE).header("X-Custom", CUSTOM)
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A SOAP 1.1 request with a WS-Security UsernameToken and the idempotency key in its header. */
    private static String envelope(String token, String key, String body) {
        return "<soap:Envelope xmlns:soap=\"" + SOAP11 + "\" xmlns:sub=\"" + SoapXPaths.NAMESPACE + "\" xmlns:wsse=\""
                + UsernameTokenCheck.WSSE + "\"><soap:Header><wsse:Security soap:mustUnderstand=\"1\">"
                + "<wsse:UsernameToken><wsse:Username>gd-province</wsse:Username><wsse:Password Type=\""
                + UsernameTokenCheck.PASSWORD_TEXT + "\">" + token + "</wsse:Password></wsse:UsernameToken>"
                + "</wsse:Security><sub:IdempotencyKey>" + key + "</sub:IdempotencyKey></soap:Header><soap:Body>"
                + body + "</soap:Body></soap:Envelope>";
    }

    private static void assertNothingEchoed(HttpResponse<String> response, String secret) {
        assertNoneEchoed(response.headers().map(), secret);
        // the contract's XPaths may name wsse:Security; nothing of the header itself comes back
        assertThat(response.body()).doesNotContain(secret, "wsse:UsernameToken", "wsse:Password", "gd-province<",
                "<sub:IdempotencyKey", "cookie-secret", CUSTOM);
    }

    private static void assertNoneEchoed(Map<String, List<String>> headers, String secret) {
        HttpHeaders all = HttpHeaders.of(headers, (name, value) -> name != null);
        assertThat(all.map().keySet()).allSatisfy(name -> assertThat(name.toLowerCase()).isIn(ANSWER_HEADERS));
        assertThat(all.map().values()).allSatisfy(values -> assertThat(String.join(",", values))
                .doesNotContain(secret, "cookie-secret", CUSTOM, "Basic "));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> responseHeaders(Submission client) {
        return (Map<String, List<String>>) ((BindingProvider) client).getResponseContext()
                .get(MessageContext.HTTP_RESPONSE_HEADERS);
    }

    /** The body element of a valid SubmitPersonnelFiling, as the generated types marshal it. */
    private static String personnelXml() throws Exception {
        Marshaller marshaller = JAXBContext.newInstance(SubmitPersonnelFiling.class).createMarshaller();
        marshaller.setProperty(Marshaller.JAXB_FRAGMENT, true);
        StringWriter xml = new StringWriter();
        marshaller.marshal(SoapSubmissionTests.personnel(), xml);
        return xml.toString();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
