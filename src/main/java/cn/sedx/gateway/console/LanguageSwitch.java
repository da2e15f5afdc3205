package cn.sedx.gateway.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.support.RequestContextUtils;

/** {@code ?lang=en} or {@code ?lang=zh-CN} on any console page switches the language; other values are ignored. */
class LanguageSwitch implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String lang = request.getParameter("lang");
        Locale locale = "en".equals(lang) ? Locale.ENGLISH
                : "zh-CN".equals(lang) || "zh_CN".equals(lang) ? ConsoleConfiguration.CHINESE : null;
        if (locale != null) {
            RequestContextUtils.getLocaleResolver(request).setLocale(request, response, locale);
        }
        return true;
    }
}
