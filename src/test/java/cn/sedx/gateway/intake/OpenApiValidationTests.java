package cn.sedx.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The contracts as outside tools read them: the served OpenAPI document validates against the OpenAPI Initiative's
 * 3.1 schema, holds no member a YAML flow mapping turned into an extra key, and every JSON Schema in
 * {@code schemas/} is a valid 2020-12 schema. Validated by networknt's validator, not by the gateway's own code.
 */
@GatewayTest
class OpenApiValidationTests {

    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @LocalServerPort
    int port;

    @Test
    void servesADocumentThatValidatesAgainstTheOpenApi31Schema() throws IOException {
        HttpResponse<String> served = new Http(port).get("/api/v1/openapi.yaml");
        assertThat(served.statusCode()).isEqualTo(200);
        JsonNode document = new YAMLMapper().readTree(served.body());

        JsonSchema openApi31;
        try (InputStream in = getClass().getResourceAsStream("/contracts/openapi-3.1.schema.json")) {
            openApi31 = SCHEMAS.getSchema(in);
        }
        Set<ValidationMessage> errors = openApi31.validate(document);

        assertThat(document.get("openapi").asText()).startsWith("3.1.");
        assertThat(errors).as("OpenAPI 3.1 schema violations").isEmpty();
    }

    @Test
    void holdsNoMemberWithoutAValue() throws IOException {
        JsonNode document = new YAMLMapper().readTree(new Http(port).get("/api/v1/openapi.yaml").body());
        List<String> empty = new ArrayList<>();

        nulls(document, "", empty);

        assertThat(empty).as("members a comma in a flow mapping made (quote the text)").isEmpty();
    }

    @Test
    void declaresEveryJsonSchemaInSchemasAsAValid202012Schema() throws IOException {
        JsonSchema metaSchema = SCHEMAS.getSchema(SchemaLocation.of(DRAFT_2020_12));
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of("schemas"))) {
            files = listing.filter(p -> p.toString().endsWith(".schema.json")).sorted().toList();
        }

        assertThat(files).hasSizeGreaterThanOrEqualTo(7);
        for (Path file : files) {
            JsonNode schema = new ObjectMapper().readTree(file.toFile());
            assertThat(schema.path("$schema").asText()).as(file.toString()).isEqualTo(DRAFT_2020_12);
            assertThat(metaSchema.validate(schema)).as(file + " against the 2020-12 meta-schema").isEmpty();
            assertThat(SCHEMAS.getSchema(schema)).as(file + " compiles").isNotNull();
        }
    }

    private static void nulls(JsonNode node, String pointer, List<String> found) {
        if (node.isNull()) {
            found.add(pointer);
        }
        node.fields().forEachRemaining(field -> nulls(field.getValue(), pointer + "/" + field.getKey(), found));
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            nulls(node.get(i), pointer + "/" + i, found);
        }
    }
}
