package cn.sedx.gateway.support;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test application context its own data folder and its own in-VM broker id, so cached contexts
 * never share a journal or a database file.
 */
public class FreshDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Path folder = Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("freshDataDirectory", Map.of(
                "sedx.data-dir", folder.toString(),
                "spring.artemis.embedded.server-id", ThreadLocalRandom.current().nextInt(1, 1_000_000))));
    }
}
