package cn.sedx.gateway.intake.soap;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.intake.soap.ws.Receipt;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Ports;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code sedx.soap.public-url} set, both ports of the served WSDL name that URL, whatever Host header the
 * caller sends; a client built from the WSDL calls the public URL (here {@code localhost}, while the WSDL was read
 * from {@code 127.0.0.1}).
 */
@GatewayTest
class WsdlPublicUrlTests {

    private static final int PORT = Ports.free();
    private static final String PUBLIC_URL = "http://localhost:" + PORT + "/ws/submission";

    @DynamicPropertySource
    static void publicUrl(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("sedx.soap.public-url", () -> PUBLIC_URL);
    }

    @Test
    void namesThePublicUrlForBothSoapVersionsWhateverTheHostHeader() throws Exception {
        for (String host : new String[] {"attacker.example", "127.0.0.1:" + PORT}) {
            assertThat(ServedWsdl.addresses(PORT, host)).as(host)
                    .containsExactlyInAnyOrder("soap11 " + PUBLIC_URL, "soap12 " + PUBLIC_URL);
        }
    }

    @Test
    void servesAClientThatTakesItsEndpointFromTheWsdl() throws Exception {
        assertThat(ServedWsdl.submitThroughBothPorts(PORT)).extracting(Receipt::getState)
                .containsExactly("RECEIVED", "RECEIVED");
    }
}
