package cn.sedx.gateway.intake.soap;

import cn.sedx.gateway.intake.IntakeReceipt;
import cn.sedx.gateway.intake.IntakeService;
import cn.sedx.gateway.intake.IntakeSettings;
import cn.sedx.gateway.intake.Submission;
import cn.sedx.gateway.intake.soap.ws.MessageStatus;
import cn.sedx.gateway.intake.soap.ws.Receipt;
import cn.sedx.gateway.messagestore.DeliveryLog;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.messagestore.StoredMessage;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * The SOAP channel's work, free of Camel and CXF: a filing of the XML contract becomes canonical JSON and
 * goes through {@link IntakeService} like any REST submission; a status request reads the store. Refusals
 * are {@link SedxException}s with JSON pointers; the fault translator turns those into XPaths.
 */
@Service
class SoapIntake {

    /** The channel name stored with every message that came in over SOAP. */
    public static final String CHANNEL = "SOAP";

    private static final Pattern KEY_SHAPE = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private final IntakeService intake;
    private final IntakeSettings intakeSettings;
    private final MessageStore store;
    private final DeliveryLog deliveries;
    private final CanonicalFilingWriter writer = new CanonicalFilingWriter();

    public SoapIntake(IntakeService intake, IntakeSettings intakeSettings, MessageStore store,
            DeliveryLog deliveries) {
        this.intake = intake;
        this.intakeSettings = intakeSettings;
        this.store = store;
        this.deliveries = deliveries;
    }

    /**
     * Validates and stores one filing.
     *
     * @param filing           a filing of the XML contract (PersonnelFiling, SafetyRecord, …); null when
     *                         the request carried no filing element
     * @param idempotencyKey   the SOAP header's key, or null
     * @param submittingSystem the authenticated caller
     */
    public Receipt submit(MessageType type, Object filing, String idempotencyKey, String submittingSystem) {
        if (filing == null) {
            throw refusal(ErrorCode.SCHEMA_VIOLATION, "缺少报送内容元素", "the filing element is missing");
        }
        checkKey(idempotencyKey);
        long limit = intakeSettings.maxBodySizeOf(type).toBytes();
        byte[] json = writer.write(filing, limit);
        IntakeReceipt receipt = intake.submit(new Submission(type, submittingSystem, CHANNEL, idempotencyKey, json,
                null));
        return SoapAnswers.receipt(receipt);
    }

    /**
     * The state, history and deliveries of a message.
     *
     * @param ownSystem the calling system, which sees only its own messages (others' are not found, so ids
     *                  leak nothing); null for operators and auditors, who see all
     */
    public MessageStatus status(String messageId, String ownSystem) {
        StoredMessage message = (messageId == null ? null : store.find(messageId.strip())
                .filter(found -> ownSystem == null || ownSystem.equals(found.submittingSystem()))
                .orElse(null));
        if (message == null) {
            // the id is not echoed: nothing of a request goes back unless the contract says so
            throw refusal(ErrorCode.MESSAGE_NOT_FOUND, "没有此编号的报文", "there is no message with this id");
        }
        return SoapAnswers.status(message, store.history(message.id()), deliveries.deliveries(message.id()));
    }

    private static void checkKey(String key) {
        if (key != null && !KEY_SHAPE.matcher(key).matches()) {
            throw SedxException.refused(ErrorCode.SCHEMA_VIOLATION, "bad idempotency key",
                    List.of(new Violation(ErrorCode.SCHEMA_VIOLATION, SoapFaults.IDEMPOTENCY_KEY_POINTER,
                            "幂等键须为 1 至 128 个可见 ASCII 字符", "IdempotencyKey must be 1 to 128 visible ASCII characters")));
        }
    }

    private static SedxException refusal(ErrorCode code, String zh, String en) {
        return SedxException.at(code, "", zh, en);
    }
}
