package cn.sedx.gateway.simulator;

import cn.sedx.gateway.signing.ExchangePackageVerifier;
import cn.sedx.gateway.signing.SignatureVerifier;
import cn.sedx.gateway.signing.SigningKeys;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Wires the built-in simulators when {@code sedx.simulator.enabled} (default true; false in production), and when
 * {@code sedx.simulator.standalone} (the {@code simulator} profile) closes every other path of this process.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "sedx.simulator", name = "enabled", havingValue = "true", matchIfMissing = true)
class SimulatorConfiguration {

    @Bean
    ReceivedLog simulatorReceivedLog(SimulatorSettings settings) {
        return new ReceivedLog(settings.keep(), settings.rememberIds(), settings.maxKeptBody().toBytes(),
                settings.maxKeptBytes().toBytes());
    }

    @Bean
    CallbackSender simulatorCallbacks(SigningKeys keys, SimulatorSettings settings, Clock clock) {
        return new CallbackSender(keys, settings, clock);
    }

    @Bean
    SimulatedPlatforms simulatedPlatforms(SigningKeys keys, SignatureVerifier verifier,
            ExchangePackageVerifier packages, SimulatorSettings settings, ReceivedLog log, CallbackSender callbacks,
            Clock clock) {
        return new SimulatedPlatforms(keys, verifier, packages, settings, log, callbacks, clock);
    }

    @Bean
    @ConditionalOnProperty(prefix = "sedx.simulator", name = "standalone", havingValue = "true")
    FilterRegistrationBean<SimulatorOnlyFilter> simulatorOnlyFilter() {
        FilterRegistrationBean<SimulatorOnlyFilter> registration = new FilterRegistrationBean<>(
                new SimulatorOnlyFilter());
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
