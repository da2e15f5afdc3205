package cn.sedx.gateway.console;

import cn.sedx.gateway.audit.AuditTrail;
import cn.sedx.gateway.audit.HeadSignatures;
import cn.sedx.gateway.audit.OperatorReason;
import cn.sedx.gateway.shared.SedxException;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail: entries by actor, action and time; a check of the whole chain; the signed heads. */
@Controller
@ConsoleEnabled
class AuditPages {

    private static final Pattern ACTION = Pattern.compile("[A-Z_]{1,48}");

    private final RecordReads records;
    private final AuditChainStatus chain;
    private final HeadSignatures heads;
    private final AuditTrail audit;
    private final ConsoleSettings settings;

    AuditPages(RecordReads records, AuditChainStatus chain, HeadSignatures heads, AuditTrail audit,
            ConsoleSettings settings) {
        this.records = records;
        this.chain = chain;
        this.heads = heads;
        this.audit = audit;
        this.settings = settings;
    }

    /** The search of the audit page. */
    record Search(String actor, String action, String messageId, LocalDateTime from, LocalDateTime to) {}

    @GetMapping("/console/audit")
    String entries(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String messageId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
            @RequestParam(required = false) Long before, Model model) {
        Search search = new Search(ConsoleInput.checked("actor", ConsoleInput.blank(actor), ConsoleInput.TEXT),
                ConsoleInput.checked("action", ConsoleInput.blank(action), ACTION),
                ConsoleInput.checked("messageId", ConsoleInput.blank(messageId), ConsoleInput.ID), from, to);
        List<RecordReads.AuditEntry> entries = records.auditEntries(search.actor(), search.action(),
                search.messageId(), ConsoleInput.instant(from, settings.zone()),
                ConsoleInput.instant(to, settings.zone()), before, settings.pageSize());
        model.addAttribute("search", search);
        model.addAttribute("entries", entries);
        model.addAttribute("next", entries.size() == settings.pageSize() ? entries.get(entries.size() - 1).id() : null);
        model.addAttribute("checked", chain.lastChecked());
        model.addAttribute("head", records.chainHead());
        model.addAttribute("unsealed", records.unsealed());
        model.addAttribute("heads", records.signedHeads(20));
        return "console/audit/audit";
    }

    /** Walks the whole chain now and shows the first broken entry, if any. */
    @GetMapping("/console/audit/verify")
    String verify(Model model) {
        AuditChainStatus.Checked checked = chain.verifyNow();
        model.addAttribute("checked", checked);
        Long broken = checked.report().firstBrokenSeq();
        model.addAttribute("broken", broken == null ? null : records.auditEntryAt(broken).orElse(null));
        model.addAttribute("head", records.chainHead());
        model.addAttribute("heads", records.signedHeads(20));
        return "console/audit/verify";
    }

    /** Signs the chain head now (besides the daily signature); operators only, with a reason. */
    @PostMapping("/console/audit/head-signatures")
    String signHead(@RequestParam(required = false) String reason, Principal operator, Model model, Locale locale,
            HttpServletResponse response) {
        try {
            String why = OperatorReason.required(reason);
            audit.record(operator.getName(), "AUDIT_HEAD_SIGNED", null, why);
            heads.signHead();
            return "redirect:/console/audit";
        } catch (SedxException e) {
            response.setStatus(422);
            model.addAttribute("errors", ConsoleErrors.texts(e, locale));
            return entries(null, null, null, null, null, null, model);
        }
    }

}
