package cn.sedx.gateway.receipt;

import cn.sedx.gateway.messagestore.DeliveryLog;
import cn.sedx.gateway.messagestore.MessageState;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import cn.sedx.gateway.signing.SignatureVerifier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Takes the document exchange's later callbacks (已签收 SIGNED_FOR, 已退回 RETURNED with a reason): verifies their
 * signature against the trust store, correlates them with a message delivered to the document exchange by its
 * id, and records the new state on the delivery and in the message's history. Repeats are harmless.
 */
@Service
class DocumentExchangeCallbacks {

    private static final Logger log = LoggerFactory.getLogger(DocumentExchangeCallbacks.class);

    private final SignatureVerifier verifier;
    private final MessageStore store;
    private final DeliveryLog deliveries;
    private final ReceiptSettings settings;
    private final ObjectMapper json;

    public DocumentExchangeCallbacks(SignatureVerifier verifier, MessageStore store, DeliveryLog deliveries,
            ReceiptSettings settings, ObjectMapper json) {
        this.verifier = verifier;
        this.json = json;
        this.store = store;
        this.deliveries = deliveries;
        this.settings = settings;
    }

    /**
     * @return the state recorded
     * @throws SedxException SIGNATURE_INVALID (or another signature code) for a bad or missing signature,
     *     SCHEMA_VIOLATION for a malformed body, MESSAGE_NOT_FOUND for a message not delivered to the exchange
     */
    public MessageState accept(byte[] body, String algorithm, String signature, String certificate) {
        JsonNode callback = parse(body);
        Instant at = instant(callback.path("at").asText(null));
        SignedBody.verify(verifier, algorithm, signature, certificate, body, at, ErrorCode.SIGNATURE_INVALID);
        String messageId = callback.path("messageId").asText("");
        MessageState state = state(callback.path("status").asText(""));
        String reason = callback.path("reason").isTextual() ? callback.path("reason").asText() : null;
        if (state == MessageState.RETURNED && (reason == null || reason.isBlank())) {
            throw malformed("reason", "退回须说明原因", "a RETURNED callback needs a reason");
        }
        String destination = settings.callbackDestination();
        if (store.find(messageId).isEmpty() || !deliveries.states(messageId).containsKey(destination)) {
            throw SedxException.refused(ErrorCode.MESSAGE_NOT_FOUND, "no message " + messageId
                    + " delivered to " + destination, List.of(Violation.of(ErrorCode.MESSAGE_NOT_FOUND,
                    "/messageId")));
        }
        deliveries.mark(messageId, destination, state, at);
        String detail = state == MessageState.SIGNED_FOR ? "已签收 signed for at " + at
                : "已退回 returned at " + at + ": " + reason;
        store.transition(messageId, null, state, destination, detail);
        log.info("document exchange callback for {}: {}", messageId, state);
        return state;
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw malformed("", "回调须为 JSON 对象", "the callback must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new SedxException(ErrorCode.MALFORMED_JSON, "the callback is not JSON");
        }
    }

    private static MessageState state(String status) {
        return switch (status) {
            case "SIGNED_FOR" -> MessageState.SIGNED_FOR;
            case "RETURNED" -> MessageState.RETURNED;
            default -> throw malformed("/status", "状态须为 SIGNED_FOR 或 RETURNED",
                    "status must be SIGNED_FOR or RETURNED");
        };
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw malformed("/at", "时间格式错误", "at must be an ISO-8601 instant");
        }
    }

    private static SedxException malformed(String pointer, String zh, String en) {
        return SedxException.at(ErrorCode.SCHEMA_VIOLATION, pointer, zh, en);
    }
}
