package cn.sedx.gateway.intake.soap;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.binding.soap.interceptor.ReadHeadersInterceptor;
import org.apache.cxf.binding.soap.interceptor.StartBodyInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.staxutils.DepthXMLStreamReader;
import org.apache.cxf.staxutils.StaxUtils;
import org.apache.cxf.wsdl.interceptors.DocLiteralInInterceptor;

/**
 * Refuses an envelope without a body, or with an empty one, before CXF looks for an operation (it would
 * otherwise invoke the service with none).
 */
final class BodyPresenceCheck extends AbstractSoapInterceptor {

    private final boolean afterHeaders;

    private BodyPresenceCheck(String phase, boolean afterHeaders) {
        super(phase);
        this.afterHeaders = afterHeaders;
    }

    /** Runs once the headers are read: refuses an envelope that ends without a body. */
    static BodyPresenceCheck afterHeaders() {
        BodyPresenceCheck check = new BodyPresenceCheck(Phase.READ, true);
        check.addAfter(ReadHeadersInterceptor.class.getName());
        check.addBefore(StartBodyInterceptor.class.getName());
        return check;
    }

    /** Runs before the operation is looked up: refuses a body without a request element. */
    static BodyPresenceCheck beforeOperation() {
        BodyPresenceCheck check = new BodyPresenceCheck(Phase.UNMARSHAL, false);
        check.addBefore(DocLiteralInInterceptor.class.getName());
        return check;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if ("GET".equals(message.get(Message.HTTP_REQUEST_METHOD))) {
            return;
        }
        XMLStreamReader reader = message.getContent(XMLStreamReader.class);
        if (reader == null || (afterHeaders ? endsWithoutBody(reader) : !hasRequestElement(reader))) {
            Violation violation = Violation.of(ErrorCode.SOAP_BODY_MISSING, "", "须在 soap:Body 中放一个请求元素",
                    "soap:Body must hold one request element");
            throw new Fault(SedxException.refused(ErrorCode.SOAP_BODY_MISSING, "no body",
                    List.of(violation)));
        }
    }

    private static boolean endsWithoutBody(XMLStreamReader reader) {
        int event = reader.getEventType();
        return event == XMLStreamConstants.END_DOCUMENT
                || event == XMLStreamConstants.END_ELEMENT && "Envelope".equals(reader.getLocalName());
    }

    private static boolean hasRequestElement(XMLStreamReader reader) {
        return StaxUtils.toNextElement(new DepthXMLStreamReader(reader))
                && reader.getEventType() == XMLStreamConstants.START_ELEMENT;
    }
}
