package cn.sedx.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.security.AuthenticationThrottle;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Http;
import cn.sedx.gateway.support.SampleCredentials;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Failed console sign-ins count against the API's failed-authentication throttle (counted before bcrypt runs, as
 * every password check is), and an address the API's failures have throttled is refused at the form before its
 * password is checked. Its own gateway (3 failures per 3 s, not ThrottlingTests' 10 s): each test waits for a fresh
 * window of the loopback address first, so neither depends on what the other left.
 */
@GatewayTest
@TestPropertySource(properties = {
    "sedx.security.rate-limit.requests-per-second=5",
    "sedx.security.failed-authentication.max-failures=3",
    "sedx.security.failed-authentication.window=3s"
})
class ConsoleSignInThrottleTests {

    // the window of the properties above; a form sign-in slower than this (bcrypt on a busy machine) proves nothing
    private static final Duration WINDOW = Duration.ofSeconds(3);

    @LocalServerPort
    int port;

    @Autowired
    AuthenticationThrottle throttle;

    @Test
    void aWrongPasswordInTheFormCountsAgainstTheApisThrottle() {
        for (int attempt = 1; ; attempt++) {
            // a fresh window: whatever the form adds is then the only failure counted
            await().atMost(Duration.ofSeconds(10)).until(() -> failures() == 0);
            long start = System.nanoTime();
            assertThat(signIn(SampleCredentials.OPERATOR, "guess").headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/console/sign-in?error"));
            int counted = failures();
            if (System.nanoTime() - start < WINDOW.toNanos()) {
                assertThat(counted).as("the form's failure, counted by the API's throttle").isEqualTo(1);
                return;
            }
            assertThat(attempt).as("every form sign-in took longer than the throttle's window").isLessThan(5);
        }
    }

    @Test
    void aThrottledAddressIsRefusedAtTheFormBeforeItsPassword() {
        await().atMost(Duration.ofSeconds(10)).until(() -> failures() == 0);
        Http forged = new Http(port).bearer("sedx-forged-token");
        // cheap failures of the API until the address is over its limit
        await().atMost(Duration.ofSeconds(10)).until(() -> forged.get("/api/v1/messages").statusCode() == 429
                || blocked());

        HttpResponse<String> refused = signIn(SampleCredentials.OPERATOR, SampleCredentials.OPERATOR_PASSWORD);

        assertThat(throttled(refused)).as("the right password from a throttled address").isTrue();
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(new ConsoleClient(port).get("/console/sign-in?throttled").body()).contains("认证失败次数过多");
        await().atMost(Duration.ofSeconds(10)).until(() -> !throttled(signIn(SampleCredentials.OPERATOR,
                SampleCredentials.OPERATOR_PASSWORD)));
    }

    /** The failures counted for this machine, whichever loopback address the client connected from. */
    private int failures() {
        return Math.max(throttle.failures("127.0.0.1"), throttle.failures("0:0:0:0:0:0:0:1"));
    }

    private boolean blocked() {
        return throttle.blocked("127.0.0.1") || throttle.blocked("0:0:0:0:0:0:0:1");
    }

    private HttpResponse<String> signIn(String user, String password) {
        return new ConsoleClient(port).signIn(user, password);
    }

    private static boolean throttled(HttpResponse<String> answer) {
        return answer.headers().firstValue("Location").orElse("").endsWith("/console/sign-in?throttled");
    }
}
