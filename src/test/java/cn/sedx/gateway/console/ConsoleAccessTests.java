package cn.sedx.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.SampleCredentials;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Every console page's access rules, over real HTTP: operators and auditors read every page; only operators change
 * anything (auditors get no buttons, and a forged POST is refused 403 anyway); nobody signed in, a system's bearer
 * token and HTTP Basic credentials all land on the sign-in page. Shares the access matrix's gateway (which does
 * not throttle the deliberate authentication failures).
 */
@GatewayTest
@TestPropertySource(properties = "sedx.security.failed-authentication.max-failures=100000")
class ConsoleAccessTests {

    /** Every page family, as a reader asks for it. */
    static final List<String> PAGES = List.of("/console/", "/console/overview/live", "/console/messages",
            "/console/messages?state=ACKNOWLEDGED&type=PERSONNEL_FILING", "/console/dead-letters",
            "/console/replays/preview?type=PERSONNEL_FILING", "/console/destinations", "/console/uploads",
            "/console/reports?year=2026", "/console/compliance?region=44",
            "/console/compliance/export.csv?region=44&rows=units", "/console/audit?actor=gateway",
            "/console/audit/verify", "/console/systems", "/console/templates");

    /** Every state-changing action, with a reason where it needs one. */
    static final Map<String, String[]> ACTIONS = Map.of(
            "/console/replays", new String[] {"type", "PERSONNEL_FILING", "reason", "forged replay by a reader"},
            "/console/destinations/province-44/probe", new String[] {},
            "/console/uploads/run", new String[] {"reason", "forged upload by a reader"},
            "/console/audit/head-signatures", new String[] {"reason", "forged signature by a reader"});

    @LocalServerPort
    int port;

    @Test
    void operatorsAndAuditorsReadEveryPage() {
        for (ConsoleClient reader : List.of(operator(), auditor())) {
            for (String page : PAGES) {
                HttpResponse<String> answer = reader.get(page);
                assertThat(answer.statusCode()).as(page).isEqualTo(200);
                assertThat(answer.body()).as(page).doesNotContain("??");
            }
        }
    }

    @Test
    void nobodySignedInIsSentToTheSignInPage() {
        ConsoleClient nobody = new ConsoleClient(port);
        for (String page : PAGES) {
            assertSentToSignIn(nobody.get(page), page);
        }
        ACTIONS.forEach((path, fields) -> assertThat(nobody.post(path, null, fields).statusCode()).as(path)
                .isEqualTo(403));
    }

    @Test
    void systemTokensAndBasicCredentialsNeverOpenTheConsole() {
        String basic = "Basic " + Base64.getEncoder().encodeToString((SampleCredentials.OPERATOR + ":"
                + SampleCredentials.OPERATOR_PASSWORD).getBytes(StandardCharsets.UTF_8));
        List<ConsoleClient> strangers = List.of(
                new ConsoleClient(port).withHeader("Authorization", "Bearer " + SampleCredentials.GD_PROVINCE_TOKEN),
                new ConsoleClient(port).withHeader("Authorization", basic));
        for (ConsoleClient stranger : strangers) {
            for (String page : PAGES) {
                assertSentToSignIn(stranger.get(page), page);
            }
            ACTIONS.forEach((path, fields) -> assertThat(stranger.post(path, null, fields).statusCode()).as(path)
                    .isEqualTo(403));
        }
    }

    @Test
    void aSystemCannotSignInWithItsToken() {
        HttpResponse<String> answer = new ConsoleClient(port).signIn("gd-province",
                SampleCredentials.GD_PROVINCE_TOKEN);

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/console/sign-in?error"));
    }

    @Test
    void auditorsSeeNoButtonsThatChangeAnything() {
        ConsoleClient auditor = auditor();
        assertThat(auditor.get("/console/replays/preview?type=PERSONNEL_FILING").body())
                .doesNotContain("action=\"/console/replays\"");
        assertThat(auditor.get("/console/destinations").body()).doesNotContain("/probe\"");
        assertThat(auditor.get("/console/uploads").body()).doesNotContain("action=\"/console/uploads/run\"");
        assertThat(auditor.get("/console/audit").body()).doesNotContain("action=\"/console/audit/head-signatures\"");
    }

    @Test
    void operatorsSeeThem() {
        ConsoleClient operator = operator();
        assertThat(operator.get("/console/destinations").body()).contains("/console/destinations/province-44/probe");
        assertThat(operator.get("/console/uploads").body()).contains("action=\"/console/uploads/run\"");
        assertThat(operator.get("/console/audit").body()).contains("action=\"/console/audit/head-signatures\"");
    }

    @Test
    void anAuditorsForgedPostIsRefusedEvenWithTheSessionsToken() {
        ConsoleClient auditor = auditor();
        String token = auditor.token();
        ACTIONS.forEach((path, fields) -> {
            HttpResponse<String> answer = auditor.post(path, token, fields);
            assertThat(answer.statusCode()).as(path).isEqualTo(403);
            assertThat(answer.body()).as(path).contains("FORBIDDEN").contains("无权执行此操作");
        });
    }

    @Test
    void aPostWithoutTheSessionsCsrfTokenIsRefused() {
        ConsoleClient operator = operator();

        assertThat(operator.post("/console/audit/head-signatures", null, "reason", "no token sent").statusCode())
                .isEqualTo(403);
        assertThat(operator.post("/console/audit/head-signatures", "forged-token", "reason", "wrong token")
                .statusCode()).isEqualTo(403);
        assertThat(operator.post("/console/audit/head-signatures", operator.token(), "reason",
                "the duty operator signs the head").statusCode()).isEqualTo(302);
    }

    @Test
    void signOutEndsTheSession() {
        ConsoleClient operator = operator();
        HttpResponse<String> out = operator.post("/console/sign-out", operator.token());

        assertThat(out.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/console/sign-in?signed-out"));
        assertSentToSignIn(operator.get("/console/"), "/console/ after sign-out");
    }

    private ConsoleClient operator() {
        return new ConsoleClient(port).signedIn(SampleCredentials.OPERATOR, SampleCredentials.OPERATOR_PASSWORD);
    }

    private ConsoleClient auditor() {
        return new ConsoleClient(port).signedIn(SampleCredentials.AUDITOR, SampleCredentials.AUDITOR_PASSWORD);
    }

    static void assertSentToSignIn(HttpResponse<String> answer, String page) {
        assertThat(answer.statusCode()).as(page).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).as(page).hasValueSatisfying(
                location -> assertThat(location).contains("/console/sign-in"));
    }
}
