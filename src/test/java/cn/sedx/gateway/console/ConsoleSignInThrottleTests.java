package cn.sedx.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Http;
import cn.sedx.gateway.support.SampleCredentials;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Failed console sign-ins count against the API's failed-authentication throttle, together with the API's own
 * failures, and a throttled address is refused before its password is checked. Shares ThrottlingTests' gateway
 * (3 failures per 3 s).
 */
@GatewayTest
@TestPropertySource(properties = {
    "sedx.security.rate-limit.requests-per-second=5",
    "sedx.security.failed-authentication.max-failures=3",
    "sedx.security.failed-authentication.window=3s"
})
class ConsoleSignInThrottleTests {

    @LocalServerPort
    int port;

    @Test
    void aWrongPasswordInTheFormCountsWithTheApisFailuresAndAThrottledAddressIsRefusedBeforeItsPassword() {
        // another test of this gateway may have this address throttled for a few seconds
        await().atMost(Duration.ofSeconds(10)).until(() -> !throttled(signIn(SampleCredentials.AUDITOR,
                SampleCredentials.AUDITOR_PASSWORD)));
        assertThat(signIn(SampleCredentials.OPERATOR, "guess").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/console/sign-in?error"));
        // two failures of the API right after (cheap, so all three fall in one 3-second window even on a busy
        // machine): the form's failure is the third only if the throttle counted it
        Http forged = new Http(port).bearer("sedx-forged-token");
        assertThat(forged.get("/api/v1/messages").statusCode()).isEqualTo(401);
        assertThat(forged.get("/api/v1/messages").statusCode()).isEqualTo(401);

        HttpResponse<String> refused = signIn(SampleCredentials.OPERATOR, SampleCredentials.OPERATOR_PASSWORD);
        assertThat(throttled(refused)).as("the right password from a throttled address").isTrue();
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(new ConsoleClient(port).get("/console/sign-in?throttled").body()).contains("认证失败次数过多");
        await().atMost(Duration.ofSeconds(10)).until(() -> !throttled(signIn(SampleCredentials.OPERATOR,
                SampleCredentials.OPERATOR_PASSWORD)));
    }

    private HttpResponse<String> signIn(String user, String password) {
        return new ConsoleClient(port).signIn(user, password);
    }

    private static boolean throttled(HttpResponse<String> answer) {
        return answer.headers().firstValue("Location").orElse("").endsWith("/console/sign-in?throttled");
    }
}
