package cn.sedx.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The actuator endpoints that would show what the gateway holds (a heap dump with the ID numbers of the filings in
 * memory, the environment, the loggers, the beans) are not in the context at all (application.yaml,
 * spring.autoconfigure.exclude): an operator who exposes every endpoint by one setting gets health, info, metrics
 * and prometheus, and nothing more.
 */
@GatewayTest
@TestPropertySource(properties = "management.endpoints.web.exposure.include=*")
class ActuatorEndpointsTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void exposingEveryEndpointExposesOnlyHealthInfoAndMetrics() throws IOException {
        Http operator = new Http(port).asOperator();

        JsonNode links = JSON.readTree(operator.get("/actuator").body()).get("_links");
        List<String> names = new ArrayList<>();
        links.fieldNames().forEachRemaining(names::add);
        assertThat(names).contains("health", "info", "metrics", "prometheus")
                .allMatch(name -> name.equals("self") || name.startsWith("health") || name.equals("info")
                        || name.startsWith("metrics") || name.equals("prometheus"), "health, info or metrics");

        for (String endpoint : List.of("heapdump", "threaddump", "env", "configprops", "loggers", "beans", "mappings",
                "conditions", "startup", "flyway", "scheduledtasks", "httpexchanges", "shutdown", "camelroutes")) {
            assertThat(operator.get("/actuator/" + endpoint).statusCode()).as(endpoint).isEqualTo(404);
        }
        assertThat(operator.get("/actuator/prometheus").statusCode()).isEqualTo(200);
    }
}
