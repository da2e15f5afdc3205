package cn.sedx.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Http;
import cn.sedx.gateway.support.SampleCredentials;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

@GatewayTest
@TestPropertySource(properties = {
    "sedx.security.rate-limit.requests-per-second=5",
    "sedx.security.failed-authentication.max-failures=3",
    "sedx.security.failed-authentication.window=3s"
})
class ThrottlingTests {

    @LocalServerPort
    int port;

    @Test
    void answers429WithRetryAfterWhenASystemExceedsItsRate() {
        Http county = new Http(port).bearer(SampleCredentials.TIANHE_COUNTY_TOKEN);
        // the other test may have this source address throttled for a few seconds
        await().atMost(Duration.ofSeconds(10)).until(() -> county.get("/api/v1/messages?size=1").statusCode() == 200);
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            responses.add(county.get("/api/v1/messages?size=1"));
        }

        assertThat(responses).anySatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(response.body()).contains("RATE_LIMITED");
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> county.get("/api/v1/messages?size=1").statusCode() == 200);
    }

    @Test
    void throttlesASourceThatKeepsFailingToAuthenticateThenLetsItBackIn() {
        Http forged = new Http(port).bearer("sedx-forged-token");
        Http auditorWithGuess = new Http(port).basic(SampleCredentials.AUDITOR, "guess");
        Http auditor = new Http(port).basic(SampleCredentials.AUDITOR, SampleCredentials.AUDITOR_PASSWORD);

        assertThat(forged.get("/api/v1/messages").statusCode()).isEqualTo(401);
        assertThat(auditorWithGuess.get("/api/v1/messages").statusCode()).isEqualTo(401);
        assertThat(forged.get("/api/v1/messages").statusCode()).isEqualTo(401);

        HttpResponse<String> blocked = auditor.get("/api/v1/messages");
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.body()).contains("RATE_LIMITED");
        await().atMost(Duration.ofSeconds(10)).until(() -> auditor.get("/api/v1/messages").statusCode() == 200);
    }
}
