package cn.sedx.gateway.intake.soap;

import cn.sedx.gateway.intake.soap.ws.Submission;
import cn.sedx.gateway.intake.soap.ws.SubmissionService;
import cn.sedx.gateway.support.SampleCredentials;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.soap.SOAPBinding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** JAX-WS clients generated from the published WSDL, pointed at the gateway on its random port. */
final class SoapClients {

    private static final SubmissionService SERVICE = new SubmissionService();

    private SoapClients() {}

    static String address(int port) {
        return "http://localhost:" + port + "/ws/submission";
    }

    /** A SOAP 1.1 client of the sample system gd-province (jurisdiction 44, every type). */
    static Submission soap11(int port) {
        return as(SampleCredentials.GD_PROVINCE_TOKEN, point(SERVICE.getSubmissionSoap11(), port));
    }

    /** A SOAP 1.2 client of the sample system gd-province. */
    static Submission soap12(int port) {
        return as(SampleCredentials.GD_PROVINCE_TOKEN, point(SERVICE.getSubmissionSoap12(), port));
    }

    /** A SOAP 1.1 client that sends no credentials. */
    static Submission anonymous(int port) {
        return point(SERVICE.getSubmissionSoap11(), port);
    }

    /** A client that authenticates with {@code authorization} (a full Authorization header value). */
    static <T> T withAuthorization(String authorization, T client) {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("Authorization", new ArrayList<>(List.of(authorization)));
        ((BindingProvider) client).getRequestContext().put(MessageContext.HTTP_REQUEST_HEADERS, headers);
        return client;
    }

    private static Submission as(String token, Submission client) {
        return withAuthorization("Bearer " + token, client);
    }

    /** A client that sends attachments as MTOM parts. */
    static Submission mtom(Submission client) {
        ((SOAPBinding) ((BindingProvider) client).getBinding()).setMTOMEnabled(true);
        return client;
    }

    private static Submission point(Submission client, int port) {
        ((BindingProvider) client).getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, address(port));
        return client;
    }
}
