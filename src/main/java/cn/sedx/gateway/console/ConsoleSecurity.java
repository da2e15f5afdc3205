package cn.sedx.gateway.console;

import cn.sedx.gateway.audit.AuditTrail;
import cn.sedx.gateway.security.AuthenticationThrottle;
import cn.sedx.gateway.security.ContentSecurityPolicy;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The console's own filter chain, ahead of the API's: operators and auditors sign in with a form (the accounts and
 * bcrypt hashes of {@code sedx.security.operators}) and then carry a session cookie; every state-changing request
 * needs the session's CSRF token. Auditors read every page; any other method than GET is for operators only.
 * System tokens, client certificates and HTTP Basic are not looked at here, so they never open the console.
 */
@Configuration(proxyBeanMethods = false)
@ConsoleEnabled
class ConsoleSecurity {

    static final String SESSION_COOKIE = "SEDX_CONSOLE";
    static final String SIGN_IN = "/console/sign-in";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain consoleFilterChain(HttpSecurity http, ConsoleSettings settings, AuthenticationThrottle throttle,
            AuditTrail audit, Clock clock) throws Exception {
        AccessDeniedHandlerImpl denied = new AccessDeniedHandlerImpl();
        denied.setErrorPage("/console/denied");
        ConsoleSignIns signIns = new ConsoleSignIns(settings, audit);
        http.securityMatcher("/console", "/console/**")
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/console/assets/**", SIGN_IN).permitAll()
                        .requestMatchers(HttpMethod.GET, "/console", "/console/**").hasAnyRole("OPERATOR", "AUDITOR")
                        .requestMatchers(HttpMethod.POST, "/console/sign-out").hasAnyRole("OPERATOR", "AUDITOR")
                        .anyRequest().hasRole("OPERATOR"))
                .formLogin(form -> form.loginPage(SIGN_IN).loginProcessingUrl(SIGN_IN)
                        .successHandler(signIns).failureUrl(SIGN_IN + "?error"))
                .logout(logout -> logout.logoutUrl("/console/sign-out").addLogoutHandler(signIns)
                        .logoutSuccessUrl(SIGN_IN + "?signed-out").deleteCookies(SESSION_COOKIE))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(errors -> errors.accessDeniedHandler(denied))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.DIRECTIVES))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frames -> frames.deny()))
                .addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new IdleTimeout(settings, clock), SecurityContextHolderFilter.class);
        return http.build();
    }
}
