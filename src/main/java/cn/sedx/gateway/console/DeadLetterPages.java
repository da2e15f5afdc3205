package cn.sedx.gateway.console;

import cn.sedx.gateway.delivery.DeliverySettings;
import cn.sedx.gateway.messagestore.MessageState;
import cn.sedx.gateway.replay.ReplayProgress;
import cn.sedx.gateway.replay.ReplayRequest;
import cn.sedx.gateway.replay.ReplayService;
import cn.sedx.gateway.replay.ReplaySettings;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.SedxException;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Dead letters and their replay: filter and select, a dry-run preview of what would go back on the queues, then
 * the replay itself (a reason required, a rate) through {@link ReplayService}, and its progress, live.
 */
@Controller
@ConsoleEnabled
class DeadLetterPages {

    private static final int LISTED = 200;

    private final ConsoleReads reads;
    private final RecordReads records;
    private final ReplayService replays;
    private final ReplaySettings replaySettings;
    private final DeliverySettings delivery;
    private final ConsoleSettings settings;

    DeadLetterPages(ConsoleReads reads, RecordReads records, ReplayService replays, ReplaySettings replaySettings,
            DeliverySettings delivery, ConsoleSettings settings) {
        this.reads = reads;
        this.records = records;
        this.replays = replays;
        this.replaySettings = replaySettings;
        this.delivery = delivery;
        this.settings = settings;
    }

    /** The dead-letter filter as the pages pass it along. */
    record Selection(List<String> ids, MessageType type, String destination, LocalDateTime from, LocalDateTime to) {

        public boolean byIds() {
            return ids != null && !ids.isEmpty();
        }
    }

    @GetMapping("/console/dead-letters")
    String deadLetters(@RequestParam(required = false) MessageType type,
            @RequestParam(required = false) String destination,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
            Model model) {
        Selection selection = selection(null, type, destination, from, to);
        model.addAttribute("rows", reads.deadLetters(new MessageFilter(type, MessageState.FAILED, null, null,
                selection.destination(), at(from), at(to), null), LISTED));
        model.addAttribute("total", reads.inState(MessageState.FAILED));
        model.addAttribute("selection", selection);
        model.addAttribute("types", MessageType.values());
        model.addAttribute("destinations", new TreeSet<>(delivery.destinations().keySet()));
        model.addAttribute("replays", records.recentReplays(10));
        return "console/dead-letters/dead-letters";
    }

    /** The dry run: which messages a replay of this selection would put back, changing nothing. */
    @GetMapping("/console/replays/preview")
    String preview(@RequestParam(required = false) List<String> ids,
            @RequestParam(required = false) MessageType type, @RequestParam(required = false) String destination,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
            Model model) {
        Selection selection = selection(ids, type, destination, from, to);
        return previewPage(selection, replays.select(request(selection, true, null, null)), model);
    }

    @PostMapping("/console/replays")
    String replay(@RequestParam(required = false) List<String> ids, @RequestParam(required = false) MessageType type,
            @RequestParam(required = false) String destination,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
            @RequestParam(required = false) String reason, @RequestParam(required = false) Integer rate,
            Principal operator, Model model, Locale locale, HttpServletResponse response) {
        Selection selection = selection(ids, type, destination, from, to);
        try {
            String id = replays.start(request(selection, false, reason, rate), operator.getName());
            return "redirect:/console/replays/" + id;
        } catch (SedxException e) {
            response.setStatus(422);
            model.addAttribute("errors", ConsoleErrors.texts(e, locale));
            model.addAttribute("reason", reason);
            return previewPage(selection, replays.select(request(selection, true, null, null)), model);
        }
    }

    @GetMapping("/console/replays/{id}")
    String progress(@PathVariable String id, Model model) {
        progressModel(id, model);
        return "console/dead-letters/replay";
    }

    @GetMapping("/console/replays/{id}/live")
    String live(@PathVariable String id, Model model) {
        progressModel(id, model);
        return "console/dead-letters/replay :: live";
    }

    private void progressModel(String id, Model model) {
        ReplayProgress progress = replays.progress(ConsoleInput.checked("id", id, ConsoleInput.ID));
        Map<MessageState, Long> states = records.replayStates(id);
        model.addAttribute("p", progress);
        model.addAttribute("states", states);
        // refreshes until every message it put back has settled again
        model.addAttribute("live", progress.finishedAt() == null
                || states.keySet().stream().anyMatch(state -> !state.isSettled()));
        model.addAttribute("items", records.replayItems(id, LISTED));
    }

    private String previewPage(Selection selection, List<String> selected, Model model) {
        model.addAttribute("selection", selection);
        model.addAttribute("selected", selected.stream().limit(LISTED).toList());
        model.addAttribute("count", selected.size());
        model.addAttribute("defaultRate", replaySettings.defaultRatePerSecond());
        model.addAttribute("maxRate", replaySettings.maxRatePerSecond());
        return "console/dead-letters/preview";
    }

    private Selection selection(List<String> ids, MessageType type, String destination, LocalDateTime from,
            LocalDateTime to) {
        List<String> checked = ids == null ? null : ids.stream().filter(id -> !id.isBlank())
                .map(id -> ConsoleInput.checked("ids", id.strip(), ConsoleInput.ID)).distinct().toList();
        String where = destination == null || destination.isBlank() ? null
                : ConsoleInput.checked("destination", destination.strip(), ConsoleInput.TEXT);
        return new Selection(checked, type, where, from, to);
    }

    private ReplayRequest request(Selection selection, boolean dryRun, String reason, Integer rate) {
        ReplayRequest.Filter filter = selection.byIds() ? null : new ReplayRequest.Filter(MessageState.FAILED,
                selection.type(), selection.destination(), null, at(selection.from()), at(selection.to()));
        return new ReplayRequest(selection.byIds() ? selection.ids() : null, filter, dryRun, reason, rate);
    }

    private Instant at(LocalDateTime local) {
        return ConsoleInput.instant(local, settings.zone());
    }
}
