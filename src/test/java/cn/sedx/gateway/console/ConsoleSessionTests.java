package cn.sedx.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.security.ContentSecurityPolicy;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.SampleCredentials;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The console session: its cookie, the headers of every page, the idle timeout, and the language. Shares the
 * access tests' gateway.
 */
@GatewayTest
@TestPropertySource(properties = "sedx.security.failed-authentication.max-failures=100000")
class ConsoleSessionTests {

    @LocalServerPort
    int port;

    @Autowired
    ServletWebServerApplicationContext context;

    @Autowired
    ConsoleSettings settings;

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrict() {
        HttpResponse<String> signIn = new ConsoleClient(port).signIn(SampleCredentials.OPERATOR,
                SampleCredentials.OPERATOR_PASSWORD);

        assertThat(signIn.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith(ConsoleSecurity.SESSION_COOKIE + "=").contains("HttpOnly").contains("SameSite=Strict"));
    }

    @Test
    void everyPageCarriesTheContentSecurityPolicyAndRefusesFraming() {
        ConsoleClient operator = operator();
        for (String page : ConsoleAccessTests.PAGES) {
            HttpResponse<String> answer = operator.get(page);
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(page)
                    .hasValue(ContentSecurityPolicy.DIRECTIVES);
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(page).hasValue("DENY");
            assertThat(answer.body()).as(page).doesNotContain("style=\"").doesNotContain("<script>")
                    .doesNotContainPattern(" on[a-z]+=\"");
        }
        assertThat(new ConsoleClient(port).get("/console/sign-in").headers().firstValue("Content-Security-Policy"))
                .hasValue(ContentSecurityPolicy.DIRECTIVES);
    }

    @Test
    void aSessionEndsAfterTheIdleTimeoutButNotBecauseAPageRefreshedItself() {
        ConsoleClient operator = operator();
        Session session = session(operator);
        assertThat(session.getMaxInactiveInterval()).isEqualTo((int) settings.idleTimeout().toSeconds());

        Instant idleSince = Instant.now().minus(settings.idleTimeout()).plusSeconds(60);
        session.getSession().setAttribute(IdleTimeout.LAST_ACTIVITY, idleSince);
        assertThat(operator.get("/console/overview/live", IdleTimeout.REFRESH_HEADER, "1").statusCode()).isEqualTo(200);
        assertThat(session.getSession().getAttribute(IdleTimeout.LAST_ACTIVITY)).isEqualTo(idleSince);

        session.getSession().setAttribute(IdleTimeout.LAST_ACTIVITY, idleSince.minusSeconds(120));
        HttpResponse<String> expired = operator.get("/console/messages");
        assertThat(expired.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/console/sign-in?expired"));
        ConsoleAccessTests.assertSentToSignIn(operator.get("/console/"), "after the idle timeout");
    }

    @Test
    void pagesAreInChineseUntilEnglishIsChosenThenInEnglishEverywhere() {
        ConsoleClient operator = operator();
        assertThat(operator.get("/console/").body()).contains("lang=\"zh-CN\"").contains("总览")
                .contains("href=\"/console/?lang=en\"");

        assertThat(operator.get("/console/messages?lang=en").body()).contains("lang=\"en\"").contains("Messages");
        for (String page : ConsoleAccessTests.PAGES) {
            if (!page.contains(".csv") && !page.contains("/live")) {
                assertThat(operator.get(page).body()).as(page).contains("lang=\"en\"").contains(">中文<");
            }
        }
        assertThat(operator.get("/console/?lang=zh-CN").body()).contains("lang=\"zh-CN\"").contains("总览");
        assertThat(new ConsoleClient(port).get("/console/sign-in").body()).contains("登录");
    }

    private ConsoleClient operator() {
        return new ConsoleClient(port).signedIn(SampleCredentials.OPERATOR, SampleCredentials.OPERATOR_PASSWORD);
    }

    /** The container's session behind the client's cookie. */
    private Session session(ConsoleClient client) {
        try {
            TomcatWebServer server = (TomcatWebServer) context.getWebServer();
            Context webapp = (Context) server.getTomcat().getHost().findChildren()[0];
            return webapp.getManager().findSession(client.cookie(ConsoleSecurity.SESSION_COOKIE).getValue());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
