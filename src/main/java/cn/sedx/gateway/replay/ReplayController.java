package cn.sedx.gateway.replay;

import cn.sedx.gateway.messagestore.MessageState;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.messagestore.StoredMessage;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators' replay and stuck-message endpoints. */
@RestController
@RequestMapping(path = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
class ReplayController {

    private static final int MAX_STUCK = 500;

    private final ReplayService replays;
    private final MessageStore store;
    private final ReplaySettings settings;
    private final Clock clock;

    ReplayController(ReplayService replays, MessageStore store, ReplaySettings settings, Clock clock) {
        this.replays = replays;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** A dry run answers 200 with the count and ids; a replay answers 202 with its id. */
    @PostMapping(path = "/replays", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> replay(@RequestBody ReplayRequest request, Principal principal) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (request.dryRun()) {
            List<String> ids = replays.select(request);
            body.put("dryRun", true);
            body.put("count", ids.size());
            body.put("messageIds", ids);
            return ResponseEntity.ok(body);
        }
        String actor = principal == null ? "operator" : principal.getName();
        String id = replays.start(request, actor);
        body.put("replayId", id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
    }

    @GetMapping("/replays/{id}")
    ReplayProgress progress(@PathVariable String id) {
        return replays.progress(id);
    }

    /** Messages in a non-final state unchanged for longer than {@code olderThan} (ISO-8601 duration). */
    @GetMapping("/stuck")
    Map<String, Object> stuck(@RequestParam(required = false) Duration olderThan) {
        Duration age = olderThan == null ? settings.stuckAfter() : olderThan;
        List<StoredMessage> stuck = store.unchangedSince(MessageState.unsettled(), clock.instant().minus(age),
                MAX_STUCK);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("olderThan", age.toString());
        body.put("count", stuck.size());
        body.put("messages", stuck.stream().map(m -> Map.of("messageId", m.id(), "type", m.type(), "state",
                m.state(), "receivedAt", m.receivedAt(), "updatedAt", m.updatedAt())).toList());
        return body;
    }
}
