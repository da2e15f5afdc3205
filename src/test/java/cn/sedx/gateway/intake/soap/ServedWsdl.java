package cn.sedx.gateway.intake.soap;

import cn.sedx.gateway.intake.soap.ws.Receipt;
import cn.sedx.gateway.intake.soap.ws.Submission;
import cn.sedx.gateway.intake.soap.ws.SubmissionService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** The WSDL a gateway serves, read as a client would, and a client whose endpoint is the one the WSDL names. */
final class ServedWsdl {

    private static final String SOAP11 = "http://schemas.xmlsoap.org/wsdl/soap/";
    private static final String SOAP12 = "http://schemas.xmlsoap.org/wsdl/soap12/";

    private ServedWsdl() {}

    /** The {@code soap:address} and {@code soap12:address} locations of the WSDL, fetched with a raw Host header. */
    static List<String> addresses(int port, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /ws/submission?wsdl HTTP/1.0\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try (InputStream in = socket.getInputStream()) {
                in.transferTo(answer);
            }
            String text = answer.toString(StandardCharsets.UTF_8);
            return addresses(text.substring(text.indexOf("\r\n\r\n") + 4));
        }
    }

    /** Each port's address as "soap11 URL" or "soap12 URL", in document order. */
    private static List<String> addresses(String wsdl) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(wsdl)));
            List<String> addresses = new ArrayList<>();
            NodeList found = document.getElementsByTagNameNS("*", "address");
            for (int i = 0; i < found.getLength(); i++) {
                Element address = (Element) found.item(i);
                String version = SOAP11.equals(address.getNamespaceURI()) ? "soap11"
                        : SOAP12.equals(address.getNamespaceURI()) ? "soap12" : address.getNamespaceURI();
                addresses.add(version + " " + address.getAttribute("location"));
            }
            return addresses;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("the served WSDL is not XML: " + wsdl, e);
        }
    }

    /** Submits a personnel filing through each port of a client made from the served WSDL, addresses untouched. */
    static List<Receipt> submitThroughBothPorts(int port) throws Exception {
        SubmissionService service = new SubmissionService(new URL("http://127.0.0.1:" + port + "/ws/submission?wsdl"));
        List<Receipt> receipts = new ArrayList<>();
        for (Submission client : new Submission[] {service.getSubmissionSoap11(), service.getSubmissionSoap12()}) {
            SoapClients.withAuthorization("Bearer " + cn.sedx.gateway.support.SampleCredentials.GD_PROVINCE_TOKEN,
                    client);
            receipts.add(client.submitPersonnelFiling(SoapSubmissionTests.personnel(), UUID.randomUUID().toString())
                    .getReceipt());
        }
        return receipts;
    }
}
