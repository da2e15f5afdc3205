package cn.sedx.gateway.shared;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Loads the Camel YAML routes from the {@code routes/} folder below {@code sedx.home} when there is one (so an operator
 * edits a route without rebuilding), else from the copy packaged in the jar. An explicit
 * {@code camel.main.routes-include-pattern} wins over both.
 */
public class RoutesLocation implements EnvironmentPostProcessor {

    static final String PATTERN_KEY = "camel.main.routes-include-pattern";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(PATTERN_KEY)) {
            return;
        }
        // relative to the gateway's home (sedx.home), not to wherever the process was started
        Path folder = Path.of(environment.getProperty("sedx.home", "."))
                .resolve(environment.getProperty("sedx.routes.folder", "routes"));
        String pattern = Files.isDirectory(folder)
                ? "file:" + folder.toAbsolutePath() + "/*.camel.yaml"
                : "classpath:routes/*.camel.yaml";
        environment.getPropertySources().addLast(new MapPropertySource("sedxRoutes", Map.of(PATTERN_KEY, pattern)));
    }
}
