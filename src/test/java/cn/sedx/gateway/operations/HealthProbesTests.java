package cn.sedx.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Http;
import cn.sedx.gateway.support.SampleCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Liveness and readiness probes for anyone; what is behind them for operators and auditors only. */
@GatewayTest
class HealthProbesTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void answersLivenessAndReadinessProbesToAnyone() throws IOException {
        Http anonymous = new Http(port);

        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = anonymous.get(probe);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).get("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void showsAnonymousCallersAndSystemsTheStatusAlone() throws IOException {
        for (Http caller : new Http[] {new Http(port), new Http(port).asProvince()}) {
            JsonNode health = JSON.readTree(caller.get("/actuator/health").body());

            assertThat(health.get("status").asText()).isEqualTo("UP");
            assertThat(health.has("components")).isFalse();
            assertThat(health.toString()).doesNotContain("certificates", "diskSpace", "CN=");
        }
    }

    @Test
    void showsOperatorsAndAuditorsEveryComponentWithDetails() throws IOException {
        for (Http caller : new Http[] {new Http(port).basic(SampleCredentials.OPERATOR,
                SampleCredentials.OPERATOR_PASSWORD), new Http(port).basic(SampleCredentials.AUDITOR,
                        SampleCredentials.AUDITOR_PASSWORD)}) {
            JsonNode components = JSON.readTree(caller.get("/actuator/health").body()).get("components");

            assertThat(components.fieldNames()).toIterable()
                    .contains("db", "jms", "signingCertificates", "deliveryBreakers", "livenessState", "readinessState");
            assertThat(components.at("/signingCertificates/details/certificates/gateway-sm2/subject").asText())
                    .contains("CN=");
        }
    }

    @Test
    void readinessMeansTheDatabaseIsUpAndLeavesTheBrokerToItsOwnComponent() throws IOException {
        JsonNode readiness = JSON.readTree(new Http(port).basic(SampleCredentials.OPERATOR,
                SampleCredentials.OPERATOR_PASSWORD).get("/actuator/health/readiness").body());

        assertThat(readiness.get("components").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("db", "readinessState");
    }
}
