package cn.sedx.gateway.console;

import cn.sedx.gateway.security.Caller;
import cn.sedx.gateway.security.Callers;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page knows: who is looking, whether they may change things, and the page's own address. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
@ConsoleEnabled
class ConsoleModel {

    private final ConsoleSettings settings;

    ConsoleModel(ConsoleSettings settings) {
        this.settings = settings;
    }

    /**
     * The signed-in operator or auditor.
     *
     * @param canChange true for operators only: pages render no buttons that change anything for auditors
     */
    record Viewer(String name, Caller.Kind role, boolean canChange) {}

    @ModelAttribute("viewer")
    Viewer viewer() {
        return Callers.current().filter(caller -> !caller.isSystem())
                .map(caller -> new Viewer(caller.id(), caller.kind(), caller.kind() == Caller.Kind.OPERATOR))
                .orElse(null);
    }

    @ModelAttribute("english")
    boolean english(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }

    /** This page's path, for the language switch (which keeps the page, not its query). */
    @ModelAttribute("here")
    String here(HttpServletRequest request) {
        return request.getServletPath();
    }

    @ModelAttribute("refreshSeconds")
    long refreshSeconds() {
        return settings.refreshPeriod().toSeconds();
    }
}
