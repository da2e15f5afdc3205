package cn.sedx.gateway.console;

import cn.sedx.gateway.shared.ErrorCode;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/** The sign-in page (the form posts to Spring Security) and the page a refused action lands on. */
@Controller
@ConsoleEnabled
class SignInPages {

    @GetMapping("/console/sign-in")
    String signIn() {
        return "console/sign-in/sign-in";
    }

    @GetMapping("/console")
    String root() {
        return "redirect:/console/";
    }

    /** Where Spring Security forwards a refused request (an auditor's change, a missing CSRF token): 403. */
    @RequestMapping("/console/denied")
    ModelAndView denied(Locale locale) {
        return ConsoleErrors.page(ErrorCode.FORBIDDEN, List.of(), locale);
    }
}
