package cn.sedx.gateway.intake.soap;

import java.util.List;
import java.util.Map;
import javax.wsdl.Definition;
import javax.wsdl.extensions.schema.SchemaReference;
import org.apache.cxf.frontend.WSDLGetUtils;
import org.apache.cxf.helpers.DOMUtils;
import org.apache.cxf.message.Message;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes the served WSDL's SOAP 1.1 and SOAP 1.2 port addresses alike: both are the one endpoint CXF serves, at
 * {@code sedx.soap.public-url} when it is set (never the caller's {@code Host} header then), else at the address
 * the request came to, as CXF does by default. CXF rewrites only the port it publishes, so without this the other
 * port kept the WSDL file's {@code http://localhost:8080}.
 */
final class WsdlAddresses extends WSDLGetUtils {

    private static final List<String> SOAP_NAMESPACES = List.of("http://schemas.xmlsoap.org/wsdl/soap/",
            "http://schemas.xmlsoap.org/wsdl/soap12/");

    @Override
    protected void updateDoc(Document doc, String base, Map<String, Definition> mp, Map<String, SchemaReference> smp,
            Message message, String xsdWsdlPar) {
        super.updateDoc(doc, base, mp, smp, message, xsdWsdlPar);
        for (Element port : DOMUtils.findAllElementsByTagNameNS(doc.getDocumentElement(),
                "http://schemas.xmlsoap.org/wsdl/", "port")) {
            for (String namespace : SOAP_NAMESPACES) {
                for (Element address : DOMUtils.findAllElementsByTagNameNS(port, namespace, "address")) {
                    address.setAttribute("location", base);
                }
            }
        }
    }
}
