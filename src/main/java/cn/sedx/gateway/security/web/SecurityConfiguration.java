package cn.sedx.gateway.security.web;

import cn.sedx.gateway.security.AuthenticationThrottle;
import cn.sedx.gateway.security.ContentSecurityPolicy;
import cn.sedx.gateway.security.SecuritySettings;
import cn.sedx.gateway.security.SystemRegistry;
import cn.sedx.gateway.shared.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what. Submitting systems (bearer token or client certificate) submit and read their own
 * messages; operators (HTTP Basic) read everything and change things; auditors read everything and change
 * nothing. Contracts, health and the simulators' test endpoints are public; callbacks prove themselves by
 * signature. The year-end follow-up is for operators and auditors; the compliance view also for systems, each
 * inside its jurisdiction (checked by the view). Batch uploads are for systems; their status and the templates for
 * every caller (a batch's reports for its system only, checked by the controller). No sessions: every request
 * authenticates.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] SUBMISSIONS = {"/api/v1/personnel-filings", "/api/v1/safety-records",
            "/api/v1/year-end-reports", "/api/v1/training-records", "/api/v1/rectification-orders",
            "/api/v1/rectification-order-changes", "/api/v1/agency-reports"};
    /** Reads open to systems too; each controller keeps a system to its own or its jurisdiction's (issue 16). */
    private static final String[] SYSTEM_READS = {"/api/v1/rectification-orders", "/api/v1/rectification-orders/**",
            "/api/v1/agency-reports", "/api/v1/agency-reports/**", "/api/v1/reports/year-end/figures"};

    @Bean
    SecurityFilterChain gatewaySecurity(HttpSecurity http, SecuritySettings settings, SystemRegistry systems,
            AuthenticationThrottle throttle, ProblemWriter problems) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .addFilterBefore(new SystemAuthenticationFilter(systems, throttle, problems),
                        BasicAuthenticationFilter.class)
                .addFilterAfter(new SystemRateLimitFilter(settings, problems), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.realmName("sedx-operators").authenticationEntryPoint((request, response,
                        e) -> refuseBasic(problems, response, e)))
                // HSTS only on TLS connections (Spring Security's default); CSP on everything
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.DIRECTIVES))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problems.write(response,
                                ErrorCode.UNAUTHENTICATED, "需要认证", "authentication is required"))
                        .accessDeniedHandler((request, response, e) -> problems.write(response, ErrorCode.FORBIDDEN,
                                "无权执行此操作", "this role may not do this")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/openapi.yaml", "/api/v1/*.schema.json").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        // what the simulators received holds personal data; their control changes deliveries
                        .requestMatchers(HttpMethod.GET, "/sim/received").hasAnyRole("OPERATOR", "AUDITOR")
                        .requestMatchers("/sim/received", "/sim/control").hasRole("OPERATOR")
                        .requestMatchers("/sim/**").permitAll()
                        .requestMatchers("/api/v1/callbacks/**").permitAll()
                        .requestMatchers(HttpMethod.POST, SUBMISSIONS).hasRole("SYSTEM")
                        .requestMatchers(HttpMethod.POST, "/api/v1/batches").hasRole("SYSTEM")
                        .requestMatchers(HttpMethod.GET, "/api/v1/batches/**", "/api/v1/templates/**")
                        .hasAnyRole("SYSTEM", "OPERATOR", "AUDITOR")
                        .requestMatchers(HttpMethod.GET, "/api/v1/messages", "/api/v1/messages/**")
                        .hasAnyRole("SYSTEM", "OPERATOR", "AUDITOR")
                        .requestMatchers(HttpMethod.GET, "/api/v1/compliance")
                        .hasAnyRole("SYSTEM", "OPERATOR", "AUDITOR")
                        .requestMatchers(HttpMethod.GET, SYSTEM_READS).hasAnyRole("SYSTEM", "OPERATOR", "AUDITOR")
                        .requestMatchers(HttpMethod.GET, "/api/v1/reports/**").hasAnyRole("OPERATOR", "AUDITOR")
                        .requestMatchers(HttpMethod.GET, "/api/v1/admin/**", "/actuator/**")
                        .hasAnyRole("OPERATOR", "AUDITOR")
                        .requestMatchers("/api/v1/admin/**").hasRole("OPERATOR")
                        .requestMatchers("/ws/**").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }

    private static void refuseBasic(ProblemWriter problems, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof OperatorAuthentication.Throttled throttled) {
            response.setHeader("Retry-After", String.valueOf(throttled.retryAfter()));
            problems.write(response, ErrorCode.RATE_LIMITED, "认证失败次数过多，请稍后再试",
                    "too many failed authentications from this address; try again later");
        } else if (e instanceof OperatorAuthentication.Busy) {
            response.setHeader("Retry-After", "1");
            problems.write(response, ErrorCode.RATE_LIMITED, "密码校验繁忙，请稍后再试", "too many password checks; retry");
        } else {
            problems.write(response, ErrorCode.UNAUTHENTICATED, "需要认证", "authentication is required");
        }
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Operators' and auditors' passwords (HTTP Basic): throttled, bounded and remembered bcrypt checks. The one
     * provider of the global authentication manager, so each request is checked once.
     */
    @Bean
    OperatorAuthentication operatorAuthentication(SecuritySettings settings, PasswordEncoder encoder,
            AuthenticationThrottle throttle, Clock clock) {
        return new OperatorAuthentication(settings, encoder, throttle, clock);
    }
}
