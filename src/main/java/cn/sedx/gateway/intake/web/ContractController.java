package cn.sedx.gateway.intake.web;

import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the published contracts: the OpenAPI document and the JSON Schemas it refers to, straight from
 * {@code schemas/}, so what clients read is what the gateway validates against.
 */
@RestController
class ContractController {

    private static final Set<String> SCHEMAS = Set.of("personnel-filing.schema.json", "safety-record.schema.json",
            "year-end-report.schema.json", "common.schema.json", "training-record.schema.json",
            "rectification-order.schema.json", "rectification-order-change.schema.json", "agency-report.schema.json");

    @GetMapping(path = "/api/v1/openapi.yaml", produces = "application/yaml")
    Resource openApi() {
        return new ClassPathResource("schemas/openapi.yaml");
    }

    @GetMapping(path = "/api/v1/{name:[a-z-]+\\.schema\\.json}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Resource> schema(@PathVariable String name) {
        Resource schema = new ClassPathResource("schemas/" + name);
        return SCHEMAS.contains(name) && schema.exists() ? ResponseEntity.ok(schema) : ResponseEntity.notFound().build();
    }
}
