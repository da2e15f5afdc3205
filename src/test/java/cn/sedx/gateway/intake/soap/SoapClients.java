package cn.sedx.gateway.intake.soap;

import cn.sedx.gateway.intake.soap.ws.Submission;
import cn.sedx.gateway.intake.soap.ws.SubmissionService;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.SOAPBinding;

/** JAX-WS clients generated from the published WSDL, pointed at the gateway on its random port. */
final class SoapClients {

    private static final SubmissionService SERVICE = new SubmissionService();

    private SoapClients() {}

    static String address(int port) {
        return "http://localhost:" + port + "/ws/submission";
    }

    static Submission soap11(int port) {
        return point(SERVICE.getSubmissionSoap11(), port);
    }

    static Submission soap12(int port) {
        return point(SERVICE.getSubmissionSoap12(), port);
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
