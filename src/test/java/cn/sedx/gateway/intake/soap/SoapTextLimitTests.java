package cn.sedx.gateway.intake.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.sedx.gateway.intake.soap.ws.SubmissionFault_Exception;
import cn.sedx.gateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The text-length limit, lowered so a request under the size limit can pass it (by default the size limit is
 * reached first): the generated client's request is refused with XML_TEXT_TOO_LONG, and the next one served.
 */
@GatewayTest
@TestPropertySource(properties = "sedx.soap.max-text-length=4096")
class SoapTextLimitTests {

    @LocalServerPort
    int port;

    @Test
    void refusesATextNodeLongerThanTheLimitAndServesTheNextRequest() throws Exception {
        SubmissionFault_Exception fault = catchThrowableOfType(SubmissionFault_Exception.class,
                () -> SoapClients.soap12(port).getMessageStatus("x".repeat(10_000)));

        assertThat(fault.getFaultInfo().getCode()).isEqualTo("XML_TEXT_TOO_LONG");
        assertThat(SoapClients.soap11(port).submitPersonnelFiling(SoapSubmissionTests.personnel(),
                SoapSubmissionTests.key()).getReceipt().getState()).isEqualTo("RECEIVED");
    }
}
