package cn.sedx.gateway.intake.soap;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.service.model.BindingOperationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces every fault the endpoint answers with the gateway's own: a known refusal keeps its code and
 * violations, a failure of the XML or SOAP layer is named by {@link XmlFailures}, and anything else becomes
 * INTERNAL_ERROR. No exception text or stack trace reaches the client; the log gets one line per fault
 * (the stack trace only for internal errors).
 */
final class SoapFaultTranslator extends AbstractSoapInterceptor {

    private static final Logger log = LoggerFactory.getLogger(SoapFaultTranslator.class);

    SoapFaultTranslator() {
        super(Phase.PRE_LOGICAL);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Exception failure = message.getContent(Exception.class);
        if (failure == null) {
            return;
        }
        SedxException refusal = XmlFailures.classify(failure);
        log.debug("SOAP failure classified as {}", refusal.code(), failure);
        String operation = operation(message);
        if (refusal.code() == ErrorCode.INTERNAL_ERROR) {
            log.warn("SOAP {} failed inside the gateway", operation, refusal.getCause());
        } else {
            log.info("SOAP fault {} on {}: {} violation(s)", refusal.code(), operation,
                    Math.max(1, refusal.violations().size()));
        }
        Fault fault = SoapFaults.of(refusal, operation, message.getVersion());
        if (refusal.code() == ErrorCode.RESOURCE_NOT_FOUND) {
            fault.setStatusCode(404);
            message.put(Message.RESPONSE_CODE, 404);
        }
        message.setContent(Exception.class, fault);
    }

    private static String operation(SoapMessage message) {
        BindingOperationInfo operation = message.getExchange() == null ? null
                : message.getExchange().getBindingOperationInfo();
        return operation == null ? null : operation.getName().getLocalPart();
    }
}
