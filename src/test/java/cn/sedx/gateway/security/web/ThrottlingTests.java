package cn.sedx.gateway.security.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.security.AuthenticationThrottle;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Http;
import cn.sedx.gateway.support.SampleCredentials;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The throttles with real HTTP and SOAP clients: a system's request rate, and failed authentication per address,
 * counted before bcrypt runs, for passwords, bearer tokens and WS-Security UsernameTokens alike, while the
 * credentials known good keep working from the throttled address.
 */
@GatewayTest
@TestPropertySource(properties = {
    "sedx.security.rate-limit.requests-per-second=5",
    "sedx.security.failed-authentication.max-failures=3",
    "sedx.security.failed-authentication.window=10s",
    "sedx.security.password-checks.concurrent-checks=1",
    "sedx.security.password-checks.max-wait=20s"
})
class ThrottlingTests {

    private static final String SOURCE = "127.0.0.1";
    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    @LocalServerPort
    int port;

    @Autowired
    AuthenticationThrottle throttle;

    @Autowired
    OperatorAuthentication passwords;

    @BeforeEach
    void notThrottled() {
        // every test here fails on purpose from the loopback address; each starts from a fresh window
        await().atMost(Duration.ofSeconds(30)).until(() -> throttle.failures(SOURCE) == 0);
    }

    @Test
    void answers429WithRetryAfterWhenASystemExceedsItsRate() {
        Http county = new Http(port).bearer(SampleCredentials.TIANHE_COUNTY_TOKEN);
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
    void fortyParallelWrongPasswordsMeet429BeforeBcryptWhileKnownGoodCredentialsStillWork() throws Exception {
        Http operator = new Http(port).basic(SampleCredentials.OPERATOR, SampleCredentials.OPERATOR_PASSWORD);
        assertThat(operator.get("/api/v1/admin/uploads").statusCode()).isEqualTo(200);
        int checksBefore = passwords.checksRun();
        long started = System.nanoTime();

        Map<Integer, Long> statuses = parallel(40, http -> http.basic(SampleCredentials.AUDITOR, "guess")
                .get("/api/v1/admin/uploads"));

        assertThat(statuses.getOrDefault(401, 0L)).as("%s", statuses).isLessThanOrEqualTo(3);
        assertThat(statuses.getOrDefault(429, 0L)).as("%s", statuses).isGreaterThanOrEqualTo(37);
        assertThat(passwords.checksRun() - checksBefore).as("bcrypt checks run").isLessThanOrEqualTo(3);
        assertThat(passwords.mostAtOnce()).as("bcrypt checks at once").isEqualTo(1);
        // what 40 checks would cost against the 3 the throttle runs: PasswordCheckBenchmark (docs/benchmarks.md)

        assertThat(throttle.blocked(SOURCE)).as("blocked after %s, %s checks, %s ms", statuses,
                passwords.checksRun() - checksBefore, Duration.ofNanos(System.nanoTime() - started).toMillis()).isTrue();
        assertThat(operator.get("/api/v1/admin/uploads").statusCode()).as("verified recently").isEqualTo(200);
        assertThat(new Http(port).asProvince().get("/api/v1/messages?size=1").statusCode()).isEqualTo(200);
        HttpResponse<String> forged = new Http(port).bearer("sedx-forged-token").get("/api/v1/messages");
        assertThat(forged.statusCode()).isEqualTo(429);
        assertThat(forged.headers().firstValue("Retry-After")).isPresent();
        assertThat(new Http(port).basic(SampleCredentials.AUDITOR, SampleCredentials.AUDITOR_PASSWORD)
                .get("/api/v1/admin/uploads").statusCode()).as("a password not verified recently waits").isEqualTo(429);

        await().atMost(Duration.ofSeconds(30)).until(() -> new Http(port)
                .basic(SampleCredentials.AUDITOR, SampleCredentials.AUDITOR_PASSWORD).get("/api/v1/admin/uploads")
                .statusCode() == 200);
    }

    @Test
    void wrongUsernameTokensAreCountedLikeRestFailuresAndARightOneStillWorks() {
        for (int i = 0; i < 3; i++) {
            assertThat(soapStatus("gd-province", "sedx-guessed-token-" + i)).contains("UNAUTHENTICATED");
        }

        assertThat(soapStatus("gd-province", "sedx-guessed-token-4")).contains("RATE_LIMITED")
                .doesNotContain("sedx-guessed-token");
        assertThat(new Http(port).bearer("sedx-forged-token").get("/api/v1/messages").statusCode()).isEqualTo(429);
        assertThat(soapStatus("gd-province", SampleCredentials.GD_PROVINCE_TOKEN)).as("a right token")
                .contains("MESSAGE_NOT_FOUND").doesNotContain("RATE_LIMITED", "UNAUTHENTICATED");
    }

    @Test
    void failuresOfOneKindCountForTheOthers() {
        assertThat(new Http(port).bearer("sedx-forged-token").get("/api/v1/messages").statusCode()).isEqualTo(401);
        assertThat(new Http(port).basic(SampleCredentials.AUDITOR, "guess").get("/api/v1/messages").statusCode())
                .isEqualTo(401);
        assertThat(soapStatus("gd-province", "sedx-guessed-token")).contains("UNAUTHENTICATED");

        HttpResponse<String> blocked = new Http(port).basic("nobody", "guess").get("/api/v1/messages");
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.body()).contains("RATE_LIMITED");
    }

    /** Sends {@code count} requests at once; answers how many got each status. */
    private Map<Integer, Long> parallel(int count, Function<Http, HttpResponse<String>> request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return request.apply(new Http(port)).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        } finally {
            threads.shutdownNow();
        }
    }

    /** A GetMessageStatus over SOAP 1.1 with a WS-Security UsernameToken; answers the response body. */
    private String soapStatus(String username, String token) {
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:sub=\""
                + "http://sedx.cn/ws/submission/1\" xmlns:wsse=\"" + WSSE + "\"><soap:Header><wsse:Security>"
                + "<wsse:UsernameToken><wsse:Username>" + username + "</wsse:Username><wsse:Password>" + token
                + "</wsse:Password></wsse:UsernameToken></wsse:Security></soap:Header><soap:Body>"
                + "<sub:GetMessageStatus><sub:messageId>00000000-0000-0000-0000-000000000000</sub:messageId>"
                + "</sub:GetMessageStatus></soap:Body></soap:Envelope>";
        Http http = new Http(port);
        return http.send(http.request("/ws/submission").header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"\"").POST(HttpRequest.BodyPublishers.ofString(envelope,
                        StandardCharsets.UTF_8)).build()).body();
    }
}
