package cn.sedx.gateway.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes docs/configuration.md from the configuration metadata that spring-boot-configuration-processor generates
 * from the settings records ({@code target/classes/META-INF/spring-configuration-metadata.json}: every
 * {@code sedx.*} property, its type, default and the record's Javadoc), with the entries of map- and list-valued
 * settings expanded from their records (the processor stops at a map's value type), the value the embedded
 * {@code application.yaml} gives where the record has no default, and every environment variable that
 * {@code application.yaml} and {@code bin/sedx} read.
 */
final class ConfigurationReference {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SCRIPT_VARIABLE = Pattern.compile("^#   ((?:SEDX|JAVA)_[A-Z_]+)\\s+(.+)$");

    private final Map<String, JsonNode> metadata = new TreeMap<>();
    private final Map<String, JsonNode> springMetadata = new TreeMap<>();
    private final Map<String, Object> embedded = new TreeMap<>();
    private final Map<String, String[]> variables = new TreeMap<>();
    private final Map<String, String> scriptVariables = new LinkedHashMap<>();

    ConfigurationReference() throws IOException {
        for (JsonNode property : JSON.readTree(Path.of("target/classes/META-INF/spring-configuration-metadata.json")
                .toFile()).get("properties")) {
            metadata.put(property.get("name").asText(), property);
        }
        for (URL url : Collections.list(getClass().getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                JSON.readTree(in).path("properties").forEach(p -> springMetadata.putIfAbsent(p.get("name").asText(), p));
            }
        }
        readApplicationYaml();
        for (String line : Files.readAllLines(Path.of("src/dist/bin/sedx"))) {
            Matcher variable = SCRIPT_VARIABLE.matcher(line);
            if (variable.matches()) {
                scriptVariables.put(variable.group(1), variable.group(2).strip());
            }
        }
    }

    /** The text of docs/configuration.md. */
    String markdown() {
        StringBuilder out = new StringBuilder("""
                # Configuration reference (配置参考)

                Generated from the configuration metadata of the settings records (spring-boot-configuration-processor)
                by `ConfigurationReference`; `ConfigurationReferenceTests` fails the build when this file and the code
                disagree. To regenerate: `mvn test -Dtest=ConfigurationReferenceTests -Dsedx.docs.write=true`.

                Set a property in `config/application.yaml` or `config/application-production.yaml` of the
                installation, on the command line (`--sedx.soap.public-url=…`) or as an environment variable in
                Spring Boot's relaxed form (`SEDX_SOAP_PUBLICURL`). *Default* is the value the embedded `application.yaml`
                gives (always read, so in force unless overridden), else the settings record's default; `<name>` stands
                for a key of your choosing.
                Durations take `500ms`, `10s`, `5m`, `1h`, `PT15M`; sizes `256KB`, `12MB`.
                """);
        String group = null;
        for (Map.Entry<String, String[]> row : rows().entrySet()) {
            String top = group(row.getKey());
            if (!top.equals(group)) {
                group = top;
                out.append("\n## `").append(top).append("`\n\n| property | type | default | meaning |\n|---|---|---|---|\n");
            }
            String[] cells = row.getValue();
            out.append("| `").append(row.getKey()).append("` | ").append(cells[0]).append(" | ").append(cells[1])
                    .append(" | ").append(cells[2]).append(" |\n");
        }
        out.append("\n## Environment variables\n\nRead by `application.yaml` (the setting they fill, its meaning and"
                + " their default):\n\n| variable | fills | profile | default | meaning |\n|---|---|---|---|---|\n");
        variables.forEach((name, cells) -> out.append("| `").append(name).append("` | `").append(cells[0])
                .append("` | ").append(cells[1]).append(" | ").append(cells[2]).append(" | ")
                .append(meaning(cells[0])).append(" |\n"));
        out.append("\nRead by `bin/sedx`:\n\n| variable | meaning |\n|---|---|\n");
        scriptVariables.forEach((name, meaning) -> out.append("| `").append(name).append("` | ").append(cell(meaning))
                .append(" |\n"));
        return out.toString();
    }

    /** {@code sedx} for the top-level settings (home, data folder), else {@code sedx.<feature>}. */
    private static String group(String property) {
        String[] parts = property.split("\\.");
        return parts.length == 2 ? "sedx" : "sedx." + parts[1];
    }

    private Map<String, String[]> rows() {
        Map<String, String[]> rows = new TreeMap<>(java.util.Comparator.comparing(ConfigurationReference::group)
                .thenComparing(java.util.Comparator.naturalOrder()));
        metadata.forEach((name, property) -> {
            if (!name.startsWith("sedx.")) {
                return;
            }
            String type = property.path("type").asText();
            Class<?> entry = entryRecord(property);
            if (entry != null) {
                String key = type.startsWith("java.util.List") ? "[<n>]" : ".<name>";
                expand(name + key, entry, property.path("sourceType").asText(), rows);
            } else {
                rows.put(name, new String[] {code(simple(type)), defaultOf(name, property.get("defaultValue")),
                        cell(property.path("description").asText())});
            }
        });
        return rows;
    }

    /** The record a map's values or a list's elements are, when it is one of the gateway's; else null. */
    private static Class<?> entryRecord(JsonNode property) {
        Matcher generic = Pattern.compile("^java\\.util\\.(?:Map<[^,]+,|List<)(cn\\.sedx\\.[\\w.$]+)>$")
                .matcher(property.path("type").asText());
        if (!generic.matches()) {
            return null;
        }
        try {
            Class<?> type = Class.forName(generic.group(1));
            return type.isRecord() ? type : null;
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private void expand(String prefix, Class<?> record, String source, Map<String, String[]> rows) {
        Map<String, String> javadoc = javadoc(record);
        Constructor<?> constructor = canonical(record);
        RecordComponent[] components = record.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String name = prefix + "." + kebab(component.getName());
            if (component.getType().isRecord()) {
                expand(name, component.getType(), source, rows);
                continue;
            }
            DefaultValue value = constructor.getParameters()[i].getAnnotation(DefaultValue.class);
            String defaults = value == null || value.value().length == 0 ? "" : code(String.join(",", value.value()));
            rows.put(name, new String[] {code(simple(component.getGenericType().getTypeName())), defaults,
                    cell(javadoc.getOrDefault(component.getName(), ""))});
        }
    }

    private static Constructor<?> canonical(Class<?> record) {
        Class<?>[] types = java.util.Arrays.stream(record.getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            return record.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(record + " has no canonical constructor", e);
        }
    }

    /** The {@code @param} texts of a record's Javadoc, read from its source file. */
    private static Map<String, String> javadoc(Class<?> record) {
        Class<?> outer = record;
        while (outer.getEnclosingClass() != null) {
            outer = outer.getEnclosingClass();
        }
        Path source = Path.of("src/main/java", outer.getName().replace('.', '/') + ".java");
        Map<String, String> params = new LinkedHashMap<>();
        try {
            Matcher block = Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@\\w+\\s*)*public record "
                    + record.getSimpleName() + "\\(", Pattern.DOTALL).matcher(Files.readString(source));
            if (block.find()) {
                String text = block.group(1).replaceAll("(?m)^\\s*\\* ?", " ");
                Matcher param = Pattern.compile("@param\\s+(\\w+)\\s+((?:(?!@param).)*)", Pattern.DOTALL).matcher(text);
                while (param.find()) {
                    params.put(param.group(1), param.group(2).replaceAll("\\s+", " ").strip());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + source, e);
        }
        return params;
    }

    /** The value application.yaml gives (it is always read, so it is the effective default), else the record's. */
    private String defaultOf(String name, JsonNode declared) {
        Object value = embedded.get(name);
        if (value != null) {
            return code(String.valueOf(value)) + " (application.yaml)";
        }
        if (declared != null && !declared.isNull() && !(declared.isArray() && declared.isEmpty())) {
            return code(declared.isArray() ? String.join(",", JSON.convertValue(declared, List.class)) : declared.asText());
        }
        return "";
    }

    private String meaning(String property) {
        JsonNode described = metadata.containsKey(property) ? metadata.get(property) : springMetadata.get(property);
        return described == null ? "" : cell(described.path("description").asText());
    }

    @SuppressWarnings("unchecked")
    private void readApplicationYaml() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.yaml"))) {
            for (Object document : new Yaml().loadAll(in)) {
                Map<String, Object> tree = (Map<String, Object>) document;
                String profile = profile(tree);
                flatten("", tree, profile);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void flatten(String prefix, Object node, String profile) {
        if (node instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((key, value) -> flatten(prefix.isEmpty() ? key : prefix + "." + key,
                    value, profile));
            return;
        }
        if (profile.equals("all") && node != null && !(node instanceof List<?>)) {
            embedded.putIfAbsent(prefix, node);
        }
        String text = String.valueOf(node);
        for (int at = text.indexOf("${SEDX_"); at >= 0; at = text.indexOf("${SEDX_", at + 2)) {
            String[] reference = placeholder(text, at);
            String[] known = variables.get(reference[0]);
            String profiles = known == null || known[1].equals(profile) ? profile : known[1] + ", " + profile;
            // a profile with a default of its own (SEDX_ADDRESS) names it beside the embedded default
            String defaults = known == null || known[2].equals(code(reference[1])) ? code(reference[1])
                    : known[2] + " (" + profile + ": " + code(reference[1]) + ")";
            variables.put(reference[0], new String[] {prefix, profiles, defaults});
        }
    }

    /** The variable and default of the {@code ${SEDX_X:default}} starting at {@code at}, nested placeholders kept. */
    private static String[] placeholder(String text, int at) {
        int depth = 0;
        int end = at;
        for (int i = at; i < text.length(); i++) {
            if (text.startsWith("${", i)) {
                depth++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                end = i;
                break;
            }
        }
        String inside = text.substring(at + 2, end);
        int colon = inside.indexOf(':');
        return colon < 0 ? new String[] {inside, "(none)"}
                : new String[] {inside.substring(0, colon), inside.substring(colon + 1)};
    }

    @SuppressWarnings("unchecked")
    private static String profile(Map<String, Object> tree) {
        Object spring = tree.get("spring");
        if (spring instanceof Map<?, ?> map && map.get("config") instanceof Map<?, ?> config
                && config.get("activate") instanceof Map<?, ?> activate && activate.get("on-profile") != null) {
            return String.valueOf(activate.get("on-profile"));
        }
        return "all";
    }

    private static String simple(String type) {
        return type.replaceAll("(?:[a-z][a-z0-9_]*\\.)+", "").replaceAll("\\w+\\$", "").replace(",", ", ");
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static String code(String text) {
        return text.isEmpty() ? "" : "`" + text.replace("|", "\\|") + "`";
    }

    private static String cell(String text) {
        return text.replaceAll("\\{@code ([^}]*)}", "`$1`").replaceAll("\\{@link ([^}]*)}", "`$1`")
                .replace("|", "\\|").replaceAll("\\s+", " ").strip();
    }
}
