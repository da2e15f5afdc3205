package cn.sedx.gateway.security.web;

import cn.sedx.gateway.security.SecuritySettings;
import cn.sedx.gateway.security.SystemRegistry;
import cn.sedx.gateway.shared.ErrorCode;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
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
            "/api/v1/year-end-reports"};

    @Bean
    SecurityFilterChain gatewaySecurity(HttpSecurity http, SecuritySettings settings, SystemRegistry systems,
            FailedAuthenticationThrottle throttle, ProblemWriter problems) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .addFilterBefore(new SystemAuthenticationFilter(systems, throttle, problems),
                        BasicAuthenticationFilter.class)
                .addFilterAfter(new SystemRateLimitFilter(settings, problems), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.realmName("sedx-operators").authenticationEntryPoint((request, response,
                        e) -> problems.write(response, ErrorCode.UNAUTHENTICATED, "需要认证", "authentication is required")))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problems.write(response,
                                ErrorCode.UNAUTHENTICATED, "需要认证", "authentication is required"))
                        .accessDeniedHandler((request, response, e) -> problems.write(response, ErrorCode.FORBIDDEN,
                                "无权执行此操作", "this role may not do this")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/openapi.yaml", "/api/v1/*.schema.json").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
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
                        .requestMatchers(HttpMethod.GET, "/api/v1/reports/**").hasAnyRole("OPERATOR", "AUDITOR")
                        .requestMatchers(HttpMethod.GET, "/api/v1/admin/**", "/actuator/**")
                        .hasAnyRole("OPERATOR", "AUDITOR")
                        .requestMatchers("/api/v1/admin/**").hasRole("OPERATOR")
                        .requestMatchers("/ws/**").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService operators(SecuritySettings settings) {
        List<UserDetails> users = settings.operators().entrySet().stream()
                .map(entry -> User.withUsername(entry.getKey())
                        .password(entry.getValue().passwordHash())
                        .roles(entry.getValue().role().name())
                        .build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }
}
