package cn.sedx.gateway.console;

import cn.sedx.gateway.audit.AuditTrail;
import cn.sedx.gateway.messagestore.Delivery;
import cn.sedx.gateway.messagestore.DeliveryLog;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.messagestore.SentRequests;
import cn.sedx.gateway.messagestore.SentRequests.SentRequest;
import cn.sedx.gateway.messagestore.StateChange;
import cn.sedx.gateway.messagestore.StoredMessage;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Everything the message page shows about one message, and the download of what was sent. */
@Component
@ConsoleEnabled
class MessageDetails {


    private final MessageStore store;
    private final DeliveryLog deliveries;
    private final SentRequests sent;
    private final ConsoleReads reads;
    private final RecordReads records;
    private final AuditTrail audit;

    MessageDetails(MessageStore store, DeliveryLog deliveries, SentRequests sent, ConsoleReads reads,
            RecordReads records, AuditTrail audit) {
        this.store = store;
        this.deliveries = deliveries;
        this.sent = sent;
        this.reads = reads;
        this.records = records;
        this.audit = audit;
    }

    /**
     * @param payload      the payload as JSON with personal data masked, or null for an exchange package
     * @param callbacks    the document exchange's 签收/退回 callbacks, from the history
     * @param sent         the last request sent to each destination with its answer (the receipt), bodies left out
     */
    record Details(StoredMessage message, List<StateChange> history, List<Delivery> deliveries,
            List<SentRequest> sent, List<StateChange> callbacks, List<RecordReads.ReplayOf> replays,
            List<String> correctedBy, String payload, String warnings, List<RecordReads.AuditEntry> audit) {

        /** The answer of a sent request as text (a receipt is JSON), masked. */
        public String answer(SentRequest request) {
            return request.answerBody() == null ? ""
                    : MaskedPayload.of(request.answerBody()) == null ? "(" + request.answerBody().length + " bytes)"
                    : MaskedPayload.of(request.answerBody());
        }
    }

    /** A download: the exact bytes and what they are. */
    record Download(String fileName, String contentType, byte[] body) {}

    /** @throws SedxException MESSAGE_NOT_FOUND */
    Details of(String id) {
        StoredMessage message = store.find(id).orElseThrow(MessageDetails::notFound);
        List<StateChange> history = store.history(id);
        String payload = MaskedPayload.of(store.payload(id).orElse(null));
        return new Details(message, history, deliveries.deliveries(id), sent.of(id),
                history.stream().filter(change -> change.state().isCallback()).toList(),
                records.replaysOf(id), message.type() == MessageType.YEAR_END_REPORT ? reads.correctedBy(id)
                        : List.of(), payload, message.warnings() == null ? null
                        : MaskedPayload.of(message.warnings().getBytes(StandardCharsets.UTF_8)),
                records.auditEntries(null, null, id, null, null, null, 50));
    }

    /**
     * The exact request body last sent to {@code destination}; its download is audited, since it holds personal
     * data in clear.
     *
     * @throws SedxException MESSAGE_NOT_FOUND, or RESOURCE_NOT_FOUND when nothing was recorded as sent
     */
    Download sentTo(String id, String destination, String actor) {
        StoredMessage message = store.find(id).orElseThrow(MessageDetails::notFound);
        SentRequest request = sent.find(id, destination).orElseThrow(() -> SedxException.refused(
                ErrorCode.RESOURCE_NOT_FOUND, "nothing recorded as sent", List.of(Violation.of(
                        ErrorCode.RESOURCE_NOT_FOUND, "", "未记录向该目标平台发送的内容",
                        "nothing was recorded as sent to that destination"))));
        byte[] body = Optional.ofNullable(request.requestBody()).or(() -> store.payload(id)).orElseThrow();
        String type = request.requestHeaders().getOrDefault("Content-Type", "application/octet-stream");
        String extension = type.contains("zip") ? ".zip" : type.contains("json") ? ".json" : ".bin";
        audit.record(actor, "CONSOLE_SENT_DOWNLOADED", id, "downloaded the request sent to " + destination
                + " (" + message.type() + ", " + body.length + " bytes)");
        return new Download(id + "-" + destination + extension, type, body);
    }

    // the page names neither the id nor the destination asked for: nothing of a request is reflected
    private static SedxException notFound() {
        return SedxException.refused(ErrorCode.MESSAGE_NOT_FOUND, "no message", List.of(Violation.of(
                ErrorCode.MESSAGE_NOT_FOUND, "", "报文不存在", "no such message")));
    }
}
