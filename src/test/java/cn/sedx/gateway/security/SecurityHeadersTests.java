package cn.sedx.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Http;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every answer of the gateway, whatever serves it (controllers, CXF, actuator, the simulators, the console,
 * refusals by the security filters), carries the one Content-Security-Policy; over plain HTTP none carries HSTS
 * (SampleTlsTests sees it over TLS).
 */
@GatewayTest
class SecurityHeadersTests {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    @LocalServerPort
    int port;

    @Test
    void everyAnswerCarriesTheContentSecurityPolicy() {
        Http anonymous = new Http(port);
        Map<String, Function<Http, HttpResponse<String>>> answers = Map.of(
                "contract", http -> http.get("/api/v1/openapi.yaml"),
                "health", http -> http.get("/actuator/health"),
                "WSDL", http -> http.get("/ws/submission?wsdl"),
                "simulator counters", http -> http.get("/sim/stats"),
                "refused: unauthenticated", http -> http.get("/api/v1/messages"),
                "refused: unknown path", http -> http.get("/api/v1/nothing-here"),
                "accepted filing", http -> http.asProvince().postJson("/api/v1/personnel-filings",
                        Fixtures.bytes("personnel-filing/valid-use-unit.json")),
                "operator view", http -> http.asOperator().get("/api/v1/admin/uploads"),
                "console page", http -> http.get("/console/sign-in"),
                "console asset", http -> http.get("/console/assets/console.css"));

        answers.forEach((name, call) -> {
            HttpResponse<String> response = call.apply(anonymous);
            assertThat(response.headers().allValues("Content-Security-Policy")).as(name).containsExactly(POLICY);
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(name).isEmpty();
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(name).hasValue("nosniff");
        });
    }
}
