package cn.sedx.gateway.intake.soap;

import cn.sedx.gateway.intake.soap.ws.SubmissionFault;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapVersion;

/**
 * Builds the SOAP fault of a refusal: the code is Client/Sender or Server/Receiver as the error code's
 * {@link ErrorCode#faultSide() side} says, with
 * the subcode {@code sub:<ERROR_CODE>}; the detail is one {@code sub:SubmissionFault} with the error code,
 * the messages in Chinese and English, and every violation with the XPath of its element.
 */
final class SoapFaults {

    /** A pseudo JSON pointer for violations that concern the idempotency key header. */
    static final String IDEMPOTENCY_KEY_POINTER = "#IdempotencyKey";

    /** A pseudo JSON pointer for violations that concern the WS-Security header. */
    static final String SECURITY_POINTER = "#Security";

    private static final JAXBContext DETAIL = context();

    private SoapFaults() {}

    /**
     * The fault answering {@code refusal}.
     *
     * @param operation the operation's local name, or null when the request named none
     */
    public static SoapFault of(SedxException refusal, String operation, SoapVersion version) {
        ErrorCode code = refusal.code();
        SoapFault fault = new SoapFault(code.name() + ": " + code.messageEn() + " / " + code.messageZh(),
                code.faultSide() == ErrorCode.FaultSide.RECEIVER ? version.getReceiver() : version.getSender());
        fault.setSubCode(new QName(SoapXPaths.NAMESPACE, code.name(), "sub"));
        try {
            DETAIL.createMarshaller().marshal(detail(refusal, operation), fault.getOrCreateDetail());
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write the fault detail", e);
        }
        return fault;
    }

    static SubmissionFault detail(SedxException refusal, String operation) {
        SubmissionFault detail = new SubmissionFault();
        detail.setCode(refusal.code().name());
        detail.setMessageZh(refusal.code().messageZh());
        detail.setMessageEn(refusal.code().messageEn());
        detail.setMessageId(refusal.messageId());
        List<Violation> violations = refusal.violations().isEmpty()
                ? List.of(Violation.of(refusal.code(), ""))
                : refusal.violations();
        violations.forEach(v -> detail.getViolations().add(SoapAnswers.violation(v, operation)));
        return detail;
    }

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(SubmissionFault.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot bind the fault detail", e);
        }
    }
}
