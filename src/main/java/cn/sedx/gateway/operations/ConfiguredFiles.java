package cn.sedx.gateway.operations;

import cn.sedx.gateway.signing.SigningSettings;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * The start-up check, in every profile, that each file the configuration names exists: one line per missing file
 * with the absolute path looked at and the setting that names it, instead of a failure deep in a bean's creation.
 */
final class ConfiguredFiles {

    private final Environment environment;
    private final ResourceLoader resources;
    private final HomeFolder home;

    ConfiguredFiles(Environment environment, ResourceLoader resources, HomeFolder home) {
        this.environment = environment;
        this.resources = resources;
        this.home = home;
    }

    List<String> missing() {
        List<String> missing = new ArrayList<>();
        SigningSettings signing = Binder.get(environment).bindOrCreate("sedx.signing", SigningSettings.class);
        new TreeMap<>(signing.keys()).forEach((name, key) ->
                check(key.location(), "sedx.signing.keys." + name + ".location", missing));
        check(signing.trustStore().location(), "sedx.signing.trust-store.location", missing);
        for (String store : List.of("server.ssl.key-store", "server.ssl.trust-store")) {
            String location = environment.getProperty(store);
            if (location != null) {
                check(location, store, missing);
            }
        }
        String routes = environment.getProperty("sedx.routes.folder");
        if (routes != null && !Files.isDirectory(home.path(routes))) {
            missing.add("文件夹不存在 / folder not found: " + home.path(routes) + " (setting sedx.routes.folder)");
        }
        return missing;
    }

    private void check(String location, String setting, List<String> missing) {
        if (!resources.getResource(location).exists()) {
            missing.add("文件不存在 / file not found: " + home.describe(location) + " (setting " + setting + ")");
        }
    }
}
