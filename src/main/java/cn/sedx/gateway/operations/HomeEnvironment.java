package cn.sedx.gateway.operations;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Makes the file settings that are read as paths rather than as Spring resources absolute below {@link HomeFolder}
 * ({@code sedx.home}, {@code sedx.data-dir} and everything placed under it, the TLS key and trust stores), and
 * trusts the forwarded headers of the configured TLS-terminating proxy only
 * ({@code server.tomcat.remoteip.internal-proxies} from {@code sedx.operations.tls-terminating-proxy.addresses}).
 * Runs after the configuration files are read; an explicit setting of the derived properties wins.
 */
public class HomeEnvironment implements EnvironmentPostProcessor {

    static final String SOURCE = "sedxHome";
    private static final List<String> TLS_STORES = List.of("server.ssl.key-store", "server.ssl.trust-store");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        HomeFolder home = HomeFolder.of(environment);
        Map<String, Object> resolved = new HashMap<>();
        resolved.put("sedx.home", home.home().toString());
        resolved.put("sedx.data-dir", home.path(environment.getProperty("sedx.data-dir", "data")).toString());
        for (String store : TLS_STORES) {
            String location = environment.getProperty(store);
            if (location != null) {
                resolved.put(store, absolute(home, location));
            }
        }
        List<String> proxies = Binder.get(environment).bind("sedx.operations.tls-terminating-proxy.addresses",
                Bindable.listOf(String.class)).orElse(List.of());
        if (!proxies.isEmpty() && !environment.containsProperty("server.tomcat.remoteip.internal-proxies")) {
            resolved.put("server.tomcat.remoteip.internal-proxies",
                    proxies.stream().map(Pattern::quote).collect(Collectors.joining("|")));
        }
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, resolved));
    }

    private static String absolute(HomeFolder home, String location) {
        Resource resource = home.resource(location);
        if (resource instanceof FileSystemResource file) {
            return "file:" + file.getFile().getAbsolutePath();
        }
        if (resource instanceof ClassPathResource sample) {
            return "classpath:" + sample.getPath();
        }
        return location;
    }
}
