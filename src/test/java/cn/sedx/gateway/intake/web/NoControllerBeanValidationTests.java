package cn.sedx.gateway.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Spring MVC runs no method validation for the gateway's controllers: with Hibernate Validator on the classpath it
 * would otherwise build a method validator and look up validation groups at every handler call. Reads Spring's
 * private field because nothing public shows it; if a Spring upgrade renames it, this fails and says so.
 */
@GatewayTest
class NoControllerBeanValidationTests {

    @Autowired
    RequestMappingHandlerAdapter adapter;

    @Test
    void springMvcHasNoMethodValidator() {
        assertThat(ReflectionTestUtils.getField(adapter, "methodValidator")).isNull();
    }
}
