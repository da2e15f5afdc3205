package cn.sedx.gateway.intake.web;

import cn.sedx.gateway.messagestore.Delivery;
import cn.sedx.gateway.messagestore.DeliveryLog;
import cn.sedx.gateway.messagestore.MessagePage;
import cn.sedx.gateway.messagestore.MessageQuery;
import cn.sedx.gateway.messagestore.MessageState;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.messagestore.StateChange;
import cn.sedx.gateway.messagestore.StoredMessage;
import cn.sedx.gateway.security.Caller;
import cn.sedx.gateway.security.Callers;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Status of messages: one with its history and deliveries, or a filtered, paged listing. */
@RestController
@RequestMapping(path = "/api/v1/messages", produces = MediaType.APPLICATION_JSON_VALUE)
class MessageController {

    private static final int MAX_PAGE_SIZE = 200;

    private final MessageStore store;
    private final DeliveryLog deliveries;
    private final ObjectMapper mapper;

    MessageController(MessageStore store, DeliveryLog deliveries, ObjectMapper mapper) {
        this.store = store;
        this.deliveries = deliveries;
        this.mapper = mapper;
    }

    @GetMapping("/{id}")
    MessageStatus message(@PathVariable String id) throws IOException {
        // a system sees only its own messages; others' are answered as not found, so ids leak nothing
        StoredMessage message = store.find(id)
                .filter(found -> ownSystem().map(found.submittingSystem()::equals).orElse(true))
                .orElseThrow(() -> notFound(id));
        return new MessageStatus(message, warnings(message), store.history(id), deliveries.deliveries(id));
    }

    @GetMapping
    MessagePage list(
            @RequestParam(required = false) MessageType type,
            @RequestParam(required = false) MessageState state,
            @RequestParam(required = false) String unitUscc,
            @RequestParam(required = false) String submittingSystem,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw SedxException.refused(ErrorCode.SCHEMA_VIOLATION, "bad paging", List.of(Violation.of(
                    ErrorCode.SCHEMA_VIOLATION, "size", "页码不得为负，每页 1 至 " + MAX_PAGE_SIZE + " 条",
                    "page must be ≥ 0 and size 1 to " + MAX_PAGE_SIZE)));
        }
        String system = ownSystem().orElse(submittingSystem);
        return store.search(new MessageQuery(type, state, unitUscc, system, from, to, page, size));
    }

    /** The calling system's id when the caller is a submitting system; empty for operators and auditors. */
    private static java.util.Optional<String> ownSystem() {
        return Callers.current().filter(Caller::isSystem).map(Caller::id);
    }

    private JsonNode warnings(StoredMessage message) throws IOException {
        return message.warnings() == null ? null : mapper.readTree(message.warnings());
    }

    private static SedxException notFound(String id) {
        return SedxException.refused(ErrorCode.MESSAGE_NOT_FOUND, "no message " + id,
                List.of(Violation.of(ErrorCode.MESSAGE_NOT_FOUND, "")));
    }

    /** The status resource of one message. */
    record MessageStatus(
            @JsonUnwrapped StoredMessage message, JsonNode warnings, List<StateChange> history, List<Delivery> destinations) {}
}
