package cn.sedx.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.support.GatewayTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
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
    @SuppressWarnings("unchecked")
    void documentsTheQueryParametersOfEveryOperation() throws IOException {
        Map<String, Set<String>> served = new TreeMap<>();
        mappings.getHandlerMethods().forEach((info, handler) -> info.getPatternValues().stream()
                .filter(path -> path.startsWith("/api/v1/") && !CONTRACT_PATHS.contains(path))
                .forEach(path -> info.getMethodsCondition().getMethods().forEach(method -> {
                    Set<String> names = new TreeSet<>();
                    for (MethodParameter parameter : handler.getMethodParameters()) {
                        parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                        if (param != null && !Map.class.isAssignableFrom(parameter.getParameterType())) {
                            names.add(param.name().isEmpty() ? parameter.getParameterName() : param.name());
                        }
                    }
                    served.put(method.name() + " " + path, names);
                })));
        Map<String, Set<String>> documented = new TreeMap<>();
        try (InputStream in = Files.newInputStream(Path.of("schemas/openapi.yaml"))) {
            Map<String, Object> document = new Yaml().load(in);
            ((Map<String, Map<String, Object>>) document.get("paths")).forEach((path, item) -> item.forEach(
                    (method, operation) -> {
                        if (operation instanceof Map<?, ?> op && Set.of("get", "post", "put", "delete", "patch")
                                .contains(method)) {
                            Set<String> names = new TreeSet<>();
                            for (Object p : (List<Object>) ((Map<String, Object>) op).getOrDefault("parameters",
                                    List.of())) {
                                Map<String, Object> parameter = (Map<String, Object>) p;
                                if ("query".equals(parameter.get("in"))) {
                                    names.add((String) parameter.get("name"));
                                }
                            }
                            documented.put(method.toUpperCase() + " " + path, names);
                        }
                    }));
        }

        assertThat(documented).as("query parameters in schemas/openapi.yaml").isEqualTo(served);
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
