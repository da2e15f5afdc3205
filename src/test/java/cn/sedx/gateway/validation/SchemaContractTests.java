package cn.sedx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.Violation;
import cn.sedx.gateway.support.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The schemas in {@code schemas/} as a contract: documented, closed and bounded everywhere. */
class SchemaContractTests {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private static JsonNode schema(String file) throws IOException {
        try (InputStream in = SchemaContractTests.class.getResourceAsStream("/schemas/" + file)) {
            return new ObjectMapper().readTree(in);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"personnel-filing.schema.json", "safety-record.schema.json",
            "year-end-report.schema.json", "common.schema.json", "training-record.schema.json",
            "rectification-order.schema.json", "rectification-order-change.schema.json", "agency-report.schema.json"})
    void documentsClosesAndBoundsEverySchemaNode(String file) throws IOException {
        JsonNode root = schema(file);
        List<String> problems = new ArrayList<>();
        visit(root, "", problems);

        assertThat(root.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(root.path("$id").asText()).isEqualTo(SchemaCheck.ID_PREFIX + file);
        assertThat(problems).isEmpty();
    }

    @Test
    void loadsAllSchemasWithoutTheNetwork() {
        List<URI> fetched = new ArrayList<>();
        SchemaCheck check = withoutTheNetwork(fetched, SchemaCheck::new);

        assertThat(fetched).as("URLs a schema reached for").isEmpty();
        assertThat(withoutTheNetwork(fetched, () -> check.check(MessageType.SAFETY_RECORD,
                Fixtures.json("safety-record/valid-daily-check.json")))).isEmpty();
        assertThat(fetched).as("URLs a schema reached for").isEmpty();
    }

    @Test
    void theNetworkGuardCatchesASchemaThatReachesForTheNetwork() {
        List<URI> fetched = new ArrayList<>();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        String remote = "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\","
                + " \"$ref\": \"http://schemas.sedx.invalid/remote.schema.json\"}";

        assertThatThrownBy(() -> withoutTheNetwork(fetched, () -> {
            factory.getSchema(remote).initializeValidators();
            return null;
        })).isNotNull();
        assertThat(fetched).isNotEmpty().containsOnly(URI.create("http://schemas.sedx.invalid/remote.schema.json"));
    }

    /**
     * Runs {@code work} with a proxy selector that refuses every connection a {@link java.net.URL} would open
     * over the network (HTTP, HTTPS, FTP: each asks the default selector first) and records its address.
     */
    private static <T> T withoutTheNetwork(List<URI> fetched, Supplier<T> work) {
        ProxySelector before = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                fetched.add(uri);
                throw new IllegalStateException("no network in this test: " + uri);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
                fetched.add(uri);
            }
        });
        try {
            return work.get();
        } finally {
            ProxySelector.setDefault(before);
        }
    }

    @Test
    void namesTheMissingFieldInTheRequiredPointer() {
        ObjectNode body = (ObjectNode) Fixtures.json("personnel-filing/valid-use-unit.json");
        ((ObjectNode) body.withArray("/persons").get(2)).remove("idNumber");

        assertThat(new SchemaCheck().check(MessageType.PERSONNEL_FILING, body))
                .extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(ErrorCode.SCHEMA_VIOLATION, "/persons/2/idNumber"));
    }

    @Test
    void reportsEverySchemaErrorInBothLanguages() {
        ObjectNode body = (ObjectNode) Fixtures.json("personnel-filing/valid-use-unit.json");
        body.put("filingKind", "FIRST").remove("effectiveDate");
        ((ObjectNode) body.get("unit")).put("regionCode", "4401060");

        List<Violation> violations = new SchemaCheck().check(MessageType.PERSONNEL_FILING, body);

        assertThat(violations).extracting(Violation::pointer)
                .containsExactly("/effectiveDate", "/filingKind", "/unit/regionCode");
        assertThat(violations).allSatisfy(v -> {
            assertThat(v.messageZh()).containsPattern(HAN).doesNotContain("$.");
            assertThat(v.messageEn()).startsWith("The field does not conform to the schema: ");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-1", "2023-02-29", "2026-13-01", "20261101", "2026/11/01"})
    void reportsADateThatIsNotARealCalendarDateOnceAsDateInvalid(String date) {
        ObjectNode body = ((ObjectNode) Fixtures.json("personnel-filing/valid-use-unit.json"))
                .put("effectiveDate", date);

        assertThat(new SchemaCheck().check(MessageType.PERSONNEL_FILING, body))
                .extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(ErrorCode.DATE_INVALID, "/effectiveDate"));
    }

    @Test
    void acceptsALeapDay() {
        ObjectNode body = ((ObjectNode) Fixtures.json("personnel-filing/valid-use-unit.json"))
                .put("effectiveDate", "2024-02-29");

        assertThat(new SchemaCheck().check(MessageType.PERSONNEL_FILING, body)).isEmpty();
    }

    @Test
    void reportsABodyThatIsNotAnObject() {
        assertThat(new SchemaCheck().check(MessageType.YEAR_END_REPORT, null))
                .extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(ErrorCode.SCHEMA_VIOLATION, ""));
    }

    private static void visit(JsonNode node, String at, List<String> problems) {
        if (!node.isObject()) {
            return;
        }
        boolean isSchema = node.has("type") || node.has("$ref") || node.has("enum");
        if (isSchema) {
            String description = node.path("description").asText("");
            if (!HAN.matcher(description).find()) {
                problems.add(at + ": no Chinese description");
            }
            String type = node.path("type").asText("");
            if (type.equals("object") && !BooleanNode.FALSE.equals(node.get("additionalProperties"))) {
                problems.add(at + ": additionalProperties not false");
            }
            if (type.equals("string") && !node.has("maxLength") && !node.has("enum")) {
                problems.add(at + ": string without maxLength");
            }
            if (type.equals("array") && !node.has("maxItems")) {
                problems.add(at + ": array without maxItems");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> child = it.next();
            if (!child.getKey().equals("enum")) {
                visit(child.getValue(), at + "/" + child.getKey(), problems);
            }
        }
    }
}
