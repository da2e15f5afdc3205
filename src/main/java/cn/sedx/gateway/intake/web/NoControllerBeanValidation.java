package cn.sedx.gateway.intake.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC gets a validator that validates nothing: what a request carries is checked against the JSON Schemas
 * and the domain rules (the validation module), never by Bean Validation annotations on controllers, and
 * {@code ArchitectureTests} keeps such annotations off every controller. Hibernate Validator is on the classpath for
 * the {@code @Validated} settings checked at start; with it as MVC's validator, Spring looked up validation groups
 * for every handler call of every request (0.6 % of the gateway's CPU in the delivery benchmark, docs/benchmarks.md,
 * stop 27).
 */
@Configuration(proxyBeanMethods = false)
class NoControllerBeanValidation implements WebMvcConfigurer {

    private static final Validator NONE = new Validator() {
        @Override
        public boolean supports(Class<?> type) {
            return false;
        }

        @Override
        public void validate(Object target, Errors errors) {
            // supports nothing, so never asked
        }
    };

    @Override
    public Validator getValidator() {
        return NONE;
    }
}
