package cn.sedx.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.support.GatewayTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yaml.snakeyaml.Yaml;

/** The published OpenAPI document and the running gateway agree on every /api/v1 operation. */
@GatewayTest
class OpenApiContractTests {

    private static final Set<String> CONTRACT_PATHS = Set.of("/api/v1/openapi.yaml",
            "/api/v1/{name:[a-z-]+\\.schema\\.json}");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void documentsExactlyTheOperationsTheGatewayServes() throws IOException {
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(path -> path.startsWith("/api/v1/") && !CONTRACT_PATHS.contains(path))
                .forEach(path -> info.getMethodsCondition().getMethods()
                        .forEach(method -> served.add(method.name() + " " + path))));

        assertThat(documented()).as("operations in schemas/openapi.yaml").isEqualTo(served);
    }

    @Test
    void refersOnlyToSchemasThatExist() throws IOException {
        String document = Files.readString(Path.of("schemas/openapi.yaml"));
        Matcher refs = Pattern.compile("\\$ref: '\\./([^']+)'").matcher(document);
        int count = 0;
        while (refs.find()) {
            assertThat(Path.of("schemas", refs.group(1))).exists();
            count++;
        }
        assertThat(count).isGreaterThanOrEqualTo(3);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> documented() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("schemas/openapi.yaml"))) {
            Map<String, Object> document = new Yaml().load(in);
            Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
            Set<String> operations = new TreeSet<>();
            paths.forEach((path, item) -> item.keySet().stream()
                    .filter(key -> Set.of("get", "post", "put", "delete", "patch").contains(key))
                    .forEach(method -> operations.add(method.toUpperCase() + " " + path)));
            return operations;
        }
    }
}
