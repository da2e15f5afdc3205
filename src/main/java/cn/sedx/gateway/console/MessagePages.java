package cn.sedx.gateway.console;

import cn.sedx.gateway.delivery.DeliverySettings;
import cn.sedx.gateway.messagestore.MessageState;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.replay.ReplaySettings;
import cn.sedx.gateway.security.SecuritySettings;
import cn.sedx.gateway.shared.MessageType;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.TreeSet;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Finding messages (by id or by filters, paged newest first) and a message's own page. */
@Controller
@ConsoleEnabled
class MessagePages {

    private final ConsoleReads reads;
    private final MessageDetails details;
    private final MessageStore store;
    private final DeliverySettings delivery;
    private final SecuritySettings security;
    private final ReplaySettings replay;
    private final ConsoleSettings settings;
    private final Clock clock;

    MessagePages(ConsoleReads reads, MessageDetails details, MessageStore store, DeliverySettings delivery,
            SecuritySettings security, ReplaySettings replay, ConsoleSettings settings, Clock clock) {
        this.reads = reads;
        this.details = details;
        this.store = store;
        this.delivery = delivery;
        this.security = security;
        this.replay = replay;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/console/messages")
    String search(@RequestParam(required = false) String id, @RequestParam(required = false) MessageType type,
            @RequestParam(required = false) MessageState state, @RequestParam(required = false) String uscc,
            @RequestParam(required = false) String system, @RequestParam(required = false) String destination,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
            @RequestParam(defaultValue = "false") boolean stuck, @RequestParam(required = false) String after,
            Model model) {
        String wanted = ConsoleInput.blank(id);
        if (wanted != null) {
            ConsoleInput.checked("id", wanted, ConsoleInput.ID);
            if (store.find(wanted.strip()).isPresent()) {
                return "redirect:/console/messages/" + wanted.strip();
            }
            model.addAttribute("notFound", wanted);
        }
        MessageFilter filter = new MessageFilter(type, state, text("uscc", uscc), text("system", system),
                text("destination", destination), at(from), at(to),
                stuck ? clock.instant().minus(replay.stuckAfter()) : null);
        model.addAttribute("page", reads.search(filter, ConsoleReads.Cursor.parse(after), settings.pageSize()));
        model.addAttribute("count", reads.count(filter, settings.countCap()));
        model.addAttribute("cap", settings.countCap());
        model.addAttribute("filter", filter);
        model.addAttribute("fromText", from == null ? "" : from.toString());
        model.addAttribute("toText", to == null ? "" : to.toString());
        model.addAttribute("stuck", stuck);
        model.addAttribute("types", MessageType.values());
        model.addAttribute("states", MessageState.values());
        model.addAttribute("systems", new TreeSet<>(security.systems().keySet()));
        model.addAttribute("destinations", new TreeSet<>(delivery.destinations().keySet()));
        return "console/messages/search";
    }

    @GetMapping("/console/messages/{id}")
    String message(@PathVariable String id, Model model) {
        model.addAttribute("d", details.of(ConsoleInput.checked("id", id, ConsoleInput.ID)));
        return "console/messages/message";
    }

    /** The exact request body last sent to a destination (a signed JSON body or an exchange package). */
    @GetMapping("/console/messages/{id}/sent/{destination}")
    ResponseEntity<byte[]> sent(@PathVariable String id, @PathVariable String destination, Principal viewer) {
        MessageDetails.Download download = details.sentTo(ConsoleInput.checked("id", id, ConsoleInput.ID),
                ConsoleInput.checked("destination", destination, ConsoleInput.TEXT), viewer.getName());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(download.fileName()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(download.body());
    }

    private static String text(String name, String value) {
        return ConsoleInput.checked(name, ConsoleInput.blank(value), ConsoleInput.TEXT);
    }

    private Instant at(LocalDateTime local) {
        return ConsoleInput.instant(local, settings.zone());
    }
}
