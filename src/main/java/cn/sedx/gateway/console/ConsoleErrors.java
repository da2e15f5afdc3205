package cn.sedx.gateway.console;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns a console failure into a page in the reader's language, with the API's own bilingual texts (the error
 * codes' and violations' Chinese and English messages); ahead of the API's problem+json advice.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConsoleEnabled
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    @ExceptionHandler(SedxException.class)
    ModelAndView refused(SedxException e, Locale locale) {
        return page(e.code(), texts(e, locale), locale);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ModelAndView badParameter(Exception e, Locale locale) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        Violation violation = Violation.of(ErrorCode.SCHEMA_VIOLATION, name, "查询参数 " + name + " 无效",
                "query parameter " + name + " is invalid");
        return page(ErrorCode.SCHEMA_VIOLATION, List.of(text(violation, locale)), locale);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, Locale locale) {
        log.error("unexpected failure rendering a console page", e);
        return page(ErrorCode.INTERNAL_ERROR, List.of(), locale);
    }

    /** The messages of a refusal in the reader's language: each violation's, or the code's own. */
    static List<String> texts(SedxException e, Locale locale) {
        if (e.violations().isEmpty()) {
            return List.of(english(locale) ? e.code().messageEn() : e.code().messageZh());
        }
        return e.violations().stream().map(v -> text(v, locale)).toList();
    }

    static ModelAndView page(ErrorCode code, List<String> texts, Locale locale) {
        ModelAndView page = new ModelAndView("console/error");
        page.setStatus(HttpStatus.valueOf(code.status()));
        page.addObject("code", code.name());
        page.addObject("title", english(locale) ? code.messageEn() : code.messageZh());
        page.addObject("texts", texts);
        // the language switch of a refusal leads to the overview, never back to the path that was refused
        page.addObject("here", "/console/");
        return page;
    }

    private static String text(Violation violation, Locale locale) {
        return english(locale) ? violation.messageEn() : violation.messageZh();
    }

    private static boolean english(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }
}
