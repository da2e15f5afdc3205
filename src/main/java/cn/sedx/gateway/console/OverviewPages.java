package cn.sedx.gateway.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The overview: what an operator on call looks at first; its figures refresh themselves. */
@Controller
@ConsoleEnabled
class OverviewPages {

    private final OverviewFigures figures;

    OverviewPages(OverviewFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/console/")
    String overview(Model model) {
        model.addAttribute("o", figures.overview());
        return "console/overview/overview";
    }

    /** The figures alone, for the page's refresh. */
    @GetMapping("/console/overview/live")
    String live(Model model) {
        model.addAttribute("o", figures.overview());
        return "console/overview/overview :: live";
    }
}
