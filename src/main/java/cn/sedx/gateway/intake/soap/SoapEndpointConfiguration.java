package cn.sedx.gateway.intake.soap;

import cn.sedx.gateway.intake.soap.ws.Submission;
import cn.sedx.gateway.security.AuthenticationThrottle;
import cn.sedx.gateway.security.SystemRegistry;
import java.util.HashMap;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.camel.component.cxf.transport.header.CxfHeaderFilterStrategy;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.cxf.frontend.WSDLGetUtils;
import org.apache.cxf.message.Message;
import org.apache.cxf.staxutils.StaxUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Camel CXF endpoint of the submission service ({@code routes/soap.camel.yaml} consumes it as
 * {@code cxf:bean:soapSubmissionEndpoint}), published by the CXF servlet of the Spring Boot container
 * under {@code cxf.path} (/ws), so at /ws/submission with its WSDL at /ws/submission?wsdl. It answers SOAP
 * 1.1 and 1.2 envelopes alike (CXF reads the version from each envelope), accepts MTOM, and reads XML
 * with the limits of {@link SoapSettings}. DTDs are never expanded: CXF's secure StAX factory refuses them.
 */
@Configuration(proxyBeanMethods = false)
class SoapEndpointConfiguration {

    static final QName SERVICE = new QName(SoapXPaths.NAMESPACE, "SubmissionService");
    static final QName PORT = new QName(SoapXPaths.NAMESPACE, "SubmissionSoap12");

    @Bean
    CxfEndpoint soapSubmissionEndpoint(SoapSettings settings, SystemRegistry systems, AuthenticationThrottle throttle) {
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setAddress(settings.address());
        endpoint.setWsdlURL("classpath:schemas/submission.wsdl");
        endpoint.setServiceClass(Submission.class);
        endpoint.setServiceNameAsQName(SERVICE);
        endpoint.setPortNameAsQName(PORT);
        endpoint.setDataFormat(DataFormat.POJO);
        endpoint.setMtomEnabled(true);
        // on the servlet thread: the caller authenticated by the security filter chain is in its context
        endpoint.setSynchronous(true);
        if (settings.publicUrl() != null) {
            endpoint.setPublishedEndpointUrl(settings.publicUrl().toString());
        }
        endpoint.setProperties(properties(settings));
        endpoint.setHeaderFilterStrategy(nothingBack());
        endpoint.getInInterceptors().add(new RequestSizeLimit(settings.maxRequestSize().toBytes()));
        endpoint.getInInterceptors().add(BodyPresenceCheck.afterHeaders());
        endpoint.getInInterceptors().add(new UsernameTokenCheck(systems, throttle));
        endpoint.getInInterceptors().add(BodyPresenceCheck.beforeOperation());
        endpoint.getOutFaultInterceptors().add(new SoapFaultTranslator());
        return endpoint;
    }

    /**
     * No header of a request reaches its answer or fault: Camel would otherwise copy every HTTP request header
     * (Authorization, Cookie, …) to the response and relay the request's SOAP headers (wsse:Security with its
     * password) into the response envelope. The contract names no response header, so nothing goes out; the
     * request's HTTP headers are not even copied into the exchange, since no step of the route reads them.
     */
    static HeaderFilterStrategy nothingBack() {
        CxfHeaderFilterStrategy strategy = new CxfHeaderFilterStrategy();
        strategy.setRelayHeaders(false);
        strategy.setOutFilterPattern(".*");
        strategy.setInFilterPattern(".*");
        return strategy;
    }

    private static Map<String, Object> properties(SoapSettings settings) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(StaxUtils.MAX_ELEMENT_DEPTH, settings.maxElementDepth());
        properties.put(StaxUtils.MAX_CHILD_ELEMENTS, settings.maxChildElements());
        properties.put(StaxUtils.MAX_ELEMENT_COUNT, settings.maxElementCount());
        properties.put(StaxUtils.MAX_TEXT_LENGTH, settings.maxTextLength());
        properties.put(StaxUtils.MAX_ATTRIBUTE_COUNT, settings.maxAttributeCount());
        properties.put(StaxUtils.MAX_ATTRIBUTE_SIZE, 4096);
        properties.put(StaxUtils.MAX_XML_CHARACTERS, settings.maxRequestSize().toBytes());
        properties.put("attachment-memory-threshold", settings.attachmentMemoryThreshold().toBytes());
        properties.put("attachment-directory", settings.attachmentDirectory().toString());
        properties.put("attachment-max-size", settings.maxRequestSize().toBytes());
        // the parser's text never reaches a client; CXF would otherwise put exception messages in faults
        properties.put(Message.EXCEPTION_MESSAGE_CAUSE_ENABLED, false);
        properties.put("faultStackTraceEnabled", false);
        // both ports of the served WSDL at the public URL (or the request's address), never the file's localhost
        properties.put(WSDLGetUtils.class.getName(), new WsdlAddresses());
        return properties;
    }
}
