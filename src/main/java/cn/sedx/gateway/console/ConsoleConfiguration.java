package cn.sedx.gateway.console;

import jakarta.servlet.SessionCookieConfig;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.boot.web.servlet.server.CookieSameSiteSupplier;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The console's web set-up: Chinese by default with an English switch ({@code ?lang=en}, remembered in a cookie),
 * the message bundles under {@code console/messages_*.properties}, and the session cookie: HttpOnly, SameSite=Strict,
 * and Secure whenever the request came over TLS (Tomcat adds it for secure requests).
 */
@Configuration(proxyBeanMethods = false)
@ConsoleEnabled
class ConsoleConfiguration implements WebMvcConfigurer {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final String LANGUAGE_COOKIE = "SEDX_CONSOLE_LANG";

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("console/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(CHINESE);
        return messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
        resolver.setDefaultLocale(CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Strict");
        resolver.setCookieHttpOnly(true);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageSwitch()).addPathPatterns("/console", "/console/**");
    }

    @Bean
    ServletContextInitializer consoleSessionCookie() {
        return context -> {
            SessionCookieConfig cookie = context.getSessionCookieConfig();
            cookie.setName(ConsoleSecurity.SESSION_COOKIE);
            cookie.setHttpOnly(true);
        };
    }

    @Bean
    CookieSameSiteSupplier consoleCookiesSameSite() {
        return CookieSameSiteSupplier.ofStrict().whenHasName(ConsoleSecurity.SESSION_COOKIE);
    }
}
