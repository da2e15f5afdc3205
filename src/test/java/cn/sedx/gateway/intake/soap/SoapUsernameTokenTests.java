package cn.sedx.gateway.intake.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.sedx.gateway.intake.soap.ws.Receipt;
import cn.sedx.gateway.intake.soap.ws.Submission;
import cn.sedx.gateway.intake.soap.ws.SubmissionFault_Exception;
import cn.sedx.gateway.intake.soap.ws.SubmissionService;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.SampleCredentials;
import jakarta.xml.ws.BindingProvider;
import java.util.List;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.cxf.headers.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Systems that speak WS-Security authenticate with a UsernameToken: their id and their token as PasswordText. */
@GatewayTest
class SoapUsernameTokenTests {

    @LocalServerPort
    int port;

    @Autowired
    MessageStore store;

    private Submission client(String username, String password, String passwordType) throws Exception {
        Submission client = new SubmissionService().getSubmissionSoap11();
        BindingProvider binding = (BindingProvider) client;
        binding.getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, SoapClients.address(port));
        binding.getRequestContext().put(Header.HEADER_LIST,
                List.of(new Header(new QName(UsernameTokenCheck.WSSE, "Security"),
                        security(username, password, passwordType))));
        return client;
    }

    private static Element security(String username, String password, String passwordType) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().newDocument();
        String wsse = UsernameTokenCheck.WSSE;
        Element security = document.createElementNS(wsse, "wsse:Security");
        security.setAttributeNS("http://schemas.xmlsoap.org/soap/envelope/", "soap:mustUnderstand", "1");
        Element token = document.createElementNS(wsse, "wsse:UsernameToken");
        Element user = document.createElementNS(wsse, "wsse:Username");
        user.setTextContent(username);
        Element secret = document.createElementNS(wsse, "wsse:Password");
        secret.setAttribute("Type", passwordType);
        secret.setTextContent(password);
        token.appendChild(user);
        token.appendChild(secret);
        security.appendChild(token);
        document.appendChild(security);
        return security;
    }

    @Test
    void acceptsAFilingFromASystemProvenByItsUsernameToken() throws Exception {
        Receipt receipt = client("gd-province", SampleCredentials.GD_PROVINCE_TOKEN, UsernameTokenCheck.PASSWORD_TEXT)
                .submitPersonnelFiling(SoapSubmissionTests.personnel(), SoapSubmissionTests.key()).getReceipt();

        assertThat(receipt.getState()).isEqualTo("RECEIVED");
        assertThat(store.find(receipt.getMessageId())).hasValueSatisfying(
                message -> assertThat(message.submittingSystem()).isEqualTo("gd-province"));
    }

    @Test
    void refusesAWrongToken() throws Exception {
        SubmissionFault_Exception fault = catchThrowableOfType(SubmissionFault_Exception.class,
                () -> client("gd-province", "sedx-not-a-token", UsernameTokenCheck.PASSWORD_TEXT)
                        .submitPersonnelFiling(SoapSubmissionTests.personnel(), SoapSubmissionTests.key()));

        assertThat(fault.getFaultInfo().getCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void refusesAnotherSystemsTokenUnderThisUsername() throws Exception {
        SubmissionFault_Exception fault = catchThrowableOfType(SubmissionFault_Exception.class,
                () -> client("gd-province", SampleCredentials.TIANHE_COUNTY_TOKEN, UsernameTokenCheck.PASSWORD_TEXT)
                        .submitPersonnelFiling(SoapSubmissionTests.personnel(), SoapSubmissionTests.key()));

        assertThat(fault.getFaultInfo().getCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void refusesAPasswordDigestItCannotCheck() throws Exception {
        String digest = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0"
                + "#PasswordDigest";
        SubmissionFault_Exception fault = catchThrowableOfType(SubmissionFault_Exception.class,
                () -> client("gd-province", "c29tZS1kaWdlc3Q=", digest)
                        .submitPersonnelFiling(SoapSubmissionTests.personnel(), SoapSubmissionTests.key()));

        assertThat(fault.getFaultInfo().getCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(fault.getFaultInfo().getViolations().get(0).getMessageEn()).contains("PasswordText");
    }
}
