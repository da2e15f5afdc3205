package cn.sedx.gateway.console;

import cn.sedx.gateway.audit.AuditTrail;
import cn.sedx.gateway.audit.OperatorReason;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.upload.UploadLauncher;
import cn.sedx.gateway.upload.UploadRun;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The national personnel upload: its runs with chunk progress and outcome; an operator triggers a run, or resumes
 * the failed one (the upload feature resumes an unfinished run when asked to start), with a reason.
 */
@Controller
@ConsoleEnabled
class UploadPages {

    /** The audit action the upload API records for a trigger; the console records the same. */
    static final String TRIGGERED = "UPLOAD_TRIGGERED";
    /** Filings left out shown on a run's page (all of them: GET /api/v1/admin/uploads). */
    static final int SKIPPED_SHOWN = 200;

    private final RecordReads records;
    private final UploadLauncher launcher;
    private final AuditTrail audit;

    UploadPages(RecordReads records, UploadLauncher launcher, AuditTrail audit) {
        this.records = records;
        this.launcher = launcher;
        this.audit = audit;
    }

    @GetMapping("/console/uploads")
    String uploads(Model model) {
        List<RecordReads.UploadRun> runs = records.uploadRuns(20);
        model.addAttribute("runs", runs);
        model.addAttribute("resumable", runs.stream().filter(run -> UploadRun.FAILED.equals(run.state()))
                .findFirst().orElse(null));
        return "console/uploads/uploads";
    }

    @GetMapping("/console/uploads/{id}")
    String run(@PathVariable String id, Model model) {
        String checked = ConsoleInput.checked("id", id, ConsoleInput.ID);
        model.addAttribute("run", records.uploadRun(checked).orElseThrow(() -> new SedxException(
                ErrorCode.RESOURCE_NOT_FOUND, "no upload run")));
        model.addAttribute("chunks", records.chunks(checked));
        model.addAttribute("skipped", records.skipped(checked, SKIPPED_SHOWN));
        return "console/uploads/run";
    }

    @PostMapping("/console/uploads/run")
    String trigger(@RequestParam(required = false) String reason, Principal operator, Model model, Locale locale,
            HttpServletResponse response) {
        try {
            String why = OperatorReason.required(reason);
            UploadRun run = launcher.trigger(operator.getName(), why);
            audit.record(operator.getName(), TRIGGERED, null, "personnel upload run " + run.id() + ": " + why);
            return "redirect:/console/uploads/" + run.id();
        } catch (SedxException e) {
            response.setStatus(e.code() == ErrorCode.UPLOAD_ALREADY_RUNNING ? 409 : 422);
            model.addAttribute("errors", ConsoleErrors.texts(e, locale));
            model.addAttribute("reason", reason);
            return uploads(model);
        }
    }
}
