package cn.sedx.gateway.console;

import cn.sedx.gateway.audit.AuditTrail;
import cn.sedx.gateway.delivery.DeliverySettings;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import java.security.Principal;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The platforms the gateway delivers to: address, signing, breaker, queue, and "test connection". */
@Controller
@ConsoleEnabled
class DestinationPages {

    private final OverviewFigures figures;
    private final DeliverySettings delivery;
    private final DestinationProbe probe;
    private final AuditTrail audit;

    DestinationPages(OverviewFigures figures, DeliverySettings delivery, DestinationProbe probe, AuditTrail audit) {
        this.figures = figures;
        this.delivery = delivery;
        this.probe = probe;
        this.audit = audit;
    }

    @GetMapping("/console/destinations")
    String destinations(Model model) {
        model.addAttribute("figures", figures.destinations());
        model.addAttribute("settings", delivery.destinations());
        model.addAttribute("keys", figures.keys().stream()
                .collect(Collectors.toMap(OverviewFigures.KeyExpiry::name, k -> k)));
        return "console/destinations/destinations";
    }

    /** One signed probe call; operators only, as it acts on the platform. The answer shows on the list. */
    @PostMapping("/console/destinations/{name}/probe")
    String probe(@PathVariable String name, Principal operator, RedirectAttributes redirect)
            throws InterruptedException {
        if (!delivery.destinations().containsKey(name)) {
            throw new SedxException(ErrorCode.RESOURCE_NOT_FOUND, "no destination");
        }
        DestinationProbe.Result result = probe.probe(name);
        audit.record(operator.getName(), "CONSOLE_PROBE", null, "test connection to " + name + ": "
                + (result.status() == null ? result.error() : "HTTP " + result.status()));
        redirect.addFlashAttribute("probe", result);
        return "redirect:/console/destinations#" + name;
    }
}
