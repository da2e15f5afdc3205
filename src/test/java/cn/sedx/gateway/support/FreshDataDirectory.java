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
 * never share a journal or a database file; the one place test data folders under {@code target/test-data} are
 * named.
 */
public class FreshDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("freshDataDirectory",
                properties()));
    }

    /** A data folder of its own and an in-VM broker id of its own, as properties of a gateway to start. */
    public static Map<String, Object> properties() {
        return Map.of("sedx.data-dir", folder("gateway").toString(),
                "spring.artemis.embedded.server-id", ThreadLocalRandom.current().nextInt(1, 1_000_000));
    }

    /** A new folder path under {@code target/test-data}, named {@code <prefix>-<random>}, absolute (not created). */
    public static Path folder(String prefix) {
        return Path.of("target", "test-data", prefix + "-" + UUID.randomUUID()).toAbsolutePath();
    }
}
