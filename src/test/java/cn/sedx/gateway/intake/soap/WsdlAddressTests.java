package cn.sedx.gateway.intake.soap;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.intake.soap.ws.Receipt;
import cn.sedx.gateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Without {@code sedx.soap.public-url} both ports of the served WSDL name the address the request came to, as CXF
 * does by default, not the WSDL file's {@code localhost:8080}: a client that reads its endpoint from the WSDL
 * reaches the gateway over SOAP 1.1 and 1.2.
 */
@GatewayTest
class WsdlAddressTests {

    @LocalServerPort
    int port;

    @Test
    void namesTheRequestedAddressForBothSoapVersions() throws Exception {
        String base = "http://127.0.0.1:" + port + "/ws/submission";

        assertThat(ServedWsdl.addresses(port, "127.0.0.1:" + port))
                .containsExactlyInAnyOrder("soap11 " + base, "soap12 " + base);
    }

    @Test
    void servesAClientThatTakesItsEndpointFromTheWsdl() throws Exception {
        assertThat(ServedWsdl.submitThroughBothPorts(port)).extracting(Receipt::getState)
                .containsExactly("RECEIVED", "RECEIVED");
    }
}
