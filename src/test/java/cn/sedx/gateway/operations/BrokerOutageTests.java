package cn.sedx.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Http;
import cn.sedx.gateway.support.Ports;
import cn.sedx.gateway.support.SampleCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A gateway whose standalone broker is down: the broker's own component says so, but the node stays ready,
 * because it still takes filings (202, stored; the outbox hands them on once the broker is back).
 */
@GatewayTest
class BrokerOutageTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void brokerNobodyListensOn(DynamicPropertyRegistry registry) {
        int closed = Ports.free();
        registry.add("spring.artemis.mode", () -> "native");
        registry.add("spring.artemis.broker-url", () -> "tcp://127.0.0.1:" + closed);
    }

    @Test
    void staysReadyAndTakesFilingsWhileTheBrokerIsDown() throws IOException {
        Http operator = new Http(port).basic(SampleCredentials.OPERATOR, SampleCredentials.OPERATOR_PASSWORD);

        HttpResponse<String> filing = new Http(port).asProvince().postJson("/api/v1/personnel-filings",
                Fixtures.bytes("personnel-filing/valid-use-unit.json"), "Idempotency-Key", "broker-down-1");
        assertThat(filing.statusCode()).as(filing.body()).isEqualTo(202);

        HttpResponse<String> readiness = new Http(port).get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(operator.get("/actuator/health").body());
        assertThat(health.at("/components/jms/status").asText()).isEqualTo("DOWN");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(JSON.readTree(operator.get("/api/v1/messages/" + JSON.readTree(filing.body())
                .get("messageId").asText()).body()).get("state").asText()).isEqualTo("RECEIVED");
    }
}
