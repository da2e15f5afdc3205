package cn.sedx.gateway.intake.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.sedx.gateway.intake.soap.ws.SubmissionService;
import cn.sedx.gateway.support.GatewayTest;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.WebServiceException;
import java.io.StringReader;
import java.util.stream.Stream;
import javax.xml.namespace.QName;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import org.apache.cxf.binding.soap.SoapFault;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The well-formed but wrong requests sent through a JAX-WS Dispatch client of the generated service, on both
 * ports: the client sees a SOAP fault whose detail carries the gateway's code (and, in SOAP 1.2, the subcode).
 * Malformed XML, DTDs and oversize requests cannot be sent by a JAX-WS client: {@link SoapHardeningTests}
 * sends those as raw HTTP.
 */
@GatewayTest
class SoapDispatchFaultTests {

    private static final String SUB = SoapXPaths.NAMESPACE;

    @LocalServerPort
    int port;

    static Stream<Arguments> wrongPayloads() {
        return Stream.of("SubmissionSoap11", "SubmissionSoap12").flatMap(port -> Stream.of(
                Arguments.of(port, "<GetMessageStatus xmlns=\"urn:other\"><messageId>x</messageId></GetMessageStatus>",
                        "SOAP_NAMESPACE_UNKNOWN"),
                Arguments.of(port, "<sub:DeleteAllMessages xmlns:sub=\"" + SUB + "\"/>", "SOAP_OPERATION_UNKNOWN"),
                Arguments.of(port, "<sub:GetMessageStatus xmlns:sub=\"" + SUB + "\"><sub:messageId>x</sub:messageId>"
                        + "<sub:extra/></sub:GetMessageStatus>", "SCHEMA_VIOLATION"),
                Arguments.of(port, "<sub:SubmitPersonnelFiling xmlns:sub=\"" + SUB + "\"><sub:filing>"
                        + "<sub:persons/>".repeat(10_001) + "</sub:filing></sub:SubmitPersonnelFiling>",
                        "XML_TOO_MANY_ELEMENTS"),
                Arguments.of(port, "<sub:GetMessageStatus xmlns:sub=\"" + SUB + "\"><sub:messageId>"
                        + "00000000-0000-0000-0000-000000000000</sub:messageId></sub:GetMessageStatus>",
                        "MESSAGE_NOT_FOUND")));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("wrongPayloads")
    void answersWrongPayloadWithTheGatewaysFaultCode(String portName, String payload, String code) {
        Dispatch<Source> dispatch = new SubmissionService().createDispatch(new QName(SUB, portName), Source.class,
                Service.Mode.PAYLOAD);
        dispatch.getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, SoapClients.address(port));
        SoapClients.withAuthorization("Bearer " + cn.sedx.gateway.support.SampleCredentials.GD_PROVINCE_TOKEN,
                dispatch);

        // CXF's Dispatch hands the SOAP fault over as the cause of a WebServiceException
        WebServiceException thrown = catchThrowableOfType(WebServiceException.class,
                () -> dispatch.invoke(new StreamSource(new StringReader(payload))));

        assertThat(thrown.getCause()).isInstanceOfSatisfying(SoapFault.class, fault -> {
            assertThat(fault.getDetail().getElementsByTagNameNS(SUB, "code").item(0).getTextContent())
                    .isEqualTo(code);
            assertThat(fault.getMessage()).startsWith(code + ": ").doesNotContain("Exception");
            if (portName.endsWith("12")) {
                assertThat(fault.getSubCode()).isEqualTo(new QName(SUB, code));
            }
        });
    }
}
