package cn.sedx.gateway.intake.soap;

import cn.sedx.gateway.intake.IntakeReceipt;
import cn.sedx.gateway.intake.soap.ws.DeliveryStatus;
import cn.sedx.gateway.intake.soap.ws.MessageStatus;
import cn.sedx.gateway.intake.soap.ws.Receipt;
import cn.sedx.gateway.messagestore.Delivery;
import cn.sedx.gateway.messagestore.StateChange;
import cn.sedx.gateway.messagestore.StoredMessage;
import cn.sedx.gateway.shared.Violation;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.GregorianCalendar;
import java.util.List;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/** Builds the XML answers (receipt, status, violations) from the gateway's records. */
final class SoapAnswers {

    private static final DatatypeFactory DATATYPES = datatypes();

    private SoapAnswers() {}

    static Receipt receipt(IntakeReceipt receipt) {
        Receipt answer = new Receipt();
        answer.setMessageId(receipt.messageId());
        answer.setType(receipt.type().name());
        answer.setState(receipt.state());
        answer.setReceivedAt(dateTime(receipt.receivedAt()));
        answer.setRepeated(receipt.repeated());
        receipt.warnings().forEach(w -> answer.getWarnings().add(violation(w, null)));
        return answer;
    }

    static MessageStatus status(StoredMessage message, List<StateChange> history, List<Delivery> deliveries) {
        MessageStatus status = new MessageStatus();
        status.setMessageId(message.id());
        status.setType(message.type().name());
        status.setState(message.state().name());
        status.setSubmittingSystem(message.submittingSystem());
        status.setChannel(message.channel());
        status.setReceivedAt(dateTime(message.receivedAt()));
        status.setUpdatedAt(dateTime(message.updatedAt()));
        for (StateChange change : history) {
            cn.sedx.gateway.intake.soap.ws.StateChange entry = new cn.sedx.gateway.intake.soap.ws.StateChange();
            entry.setState(change.state().name());
            entry.setAt(dateTime(change.at()));
            entry.setActor(change.actor());
            entry.setDetail(change.detail());
            status.getHistory().add(entry);
        }
        for (Delivery delivery : deliveries) {
            DeliveryStatus entry = new DeliveryStatus();
            entry.setDestination(delivery.destination());
            entry.setState(delivery.state().name());
            entry.setAttempts(delivery.attempts());
            entry.setLastErrorCode(delivery.lastErrorCode());
            entry.setUpdatedAt(dateTime(delivery.updatedAt()));
            status.getDestinations().add(entry);
        }
        return status;
    }

    /**
     * One violation with its XPath in the request of {@code operation}.
     *
     * @param operation the operation's local name, or null to leave the path relative to the filing
     */
    static cn.sedx.gateway.intake.soap.ws.Violation violation(Violation violation, String operation) {
        cn.sedx.gateway.intake.soap.ws.Violation answer = new cn.sedx.gateway.intake.soap.ws.Violation();
        answer.setCode(violation.code().name());
        answer.setXpath(switch (violation.pointer()) {
            case SoapFaults.IDEMPOTENCY_KEY_POINTER -> SoapXPaths.IDEMPOTENCY_KEY;
            case SoapFaults.SECURITY_POINTER -> SoapXPaths.SECURITY;
            default -> SoapXPaths.of(operation, violation.pointer());
        });
        answer.setMessageZh(violation.messageZh());
        answer.setMessageEn(violation.messageEn());
        return answer;
    }

    static XMLGregorianCalendar dateTime(Instant instant) {
        return instant == null ? null
                : DATATYPES.newXMLGregorianCalendar(GregorianCalendar.from(instant.atZone(ZoneOffset.UTC)));
    }

    private static DatatypeFactory datatypes() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException("no XML datatype factory", e);
        }
    }
}
