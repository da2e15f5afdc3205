package cn.sedx.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * {@code sedx.console.enabled=false} takes the whole console away: no filter chain (so {@code /console/**} falls to
 * the API's chain, which denies it), no page, no message bundle, no capture of sent requests.
 */
class ConsoleSwitchTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ConsoleSettings.class)
    @Import({ConsoleSecurity.class, ConsoleConfiguration.class, SignInPages.class, SystemPages.class,
        OverviewPages.class, SentRequestCapture.class, ConsoleModel.class, ConsoleErrors.class})
    static class WholeConsole {}

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ConsoleSettings.class)
    @Import({ConsoleConfiguration.class, SignInPages.class})
    static class ConsoleWithoutDependencies {}

    @Test
    void switchedOffNoPartOfTheConsoleIsRegistered() {
        new ApplicationContextRunner().withUserConfiguration(WholeConsole.class)
                .withPropertyValues("sedx.console.enabled=false").run(context -> {
                    assertThat(context).hasNotFailed()
                            .doesNotHaveBean(ConsoleSecurity.class).doesNotHaveBean(ConsoleConfiguration.class)
                            .doesNotHaveBean(SignInPages.class).doesNotHaveBean(SystemPages.class)
                            .doesNotHaveBean(OverviewPages.class).doesNotHaveBean(SentRequestCapture.class)
                            .doesNotHaveBean(ConsoleModel.class).doesNotHaveBean(ConsoleErrors.class);
                    assertThat(context.getBean("messageSource")).isNotInstanceOf(ResourceBundleMessageSource.class);
                });
    }

    @Test
    void itIsOnUnlessSwitchedOff() {
        new ApplicationContextRunner().withUserConfiguration(ConsoleWithoutDependencies.class).run(context -> {
            assertThat(context).hasSingleBean(ConsoleConfiguration.class).hasSingleBean(SignInPages.class);
            assertThat(context.getBean("messageSource")).isInstanceOf(ResourceBundleMessageSource.class);
        });
    }
}
