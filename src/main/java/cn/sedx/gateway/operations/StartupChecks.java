package cn.sedx.gateway.operations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Runs before any bean is made: resolves relative {@code file:} locations below {@link HomeFolder} for every
 * resource the context loads, then refuses to start, listing every problem at once, when a configured file is
 * missing or, in the production profile, when anything {@link ProductionReadiness} looks for is unsafe.
 */
public class StartupChecks implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String PRODUCTION = "production";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        HomeFolder home = HomeFolder.of(environment);
        context.addProtocolResolver((location, loader) -> home.resource(location));
        List<String> problems = new ArrayList<>(new ConfiguredFiles(environment, context, home).missing());
        if (Arrays.asList(environment.getActiveProfiles()).contains(PRODUCTION)) {
            problems.addAll(new ProductionReadiness(environment, context, home, SampleMaterial.packaged()).problems());
        }
        if (!problems.isEmpty()) {
            throw new StartupRefused(problems);
        }
    }
}
