package cn.sedx.gateway.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.security.SecuritySettings;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Http;
import cn.sedx.gateway.support.SampleCredentials;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/**
 * Operators' passwords over real HTTP: an unknown user name runs the same bcrypt, of the same cost, as a wrong
 * password, so the answer time does not tell which user names exist; a verified password is not run through bcrypt
 * again on every call.
 * Shares the access matrix's gateway (no failure throttling: it fails on purpose).
 */
@GatewayTest
@TestPropertySource(properties = "sedx.security.failed-authentication.max-failures=100000")
class OperatorPasswordTests {

    @LocalServerPort
    int port;

    @Autowired
    OperatorAuthentication passwords;

    @Autowired
    SecuritySettings settings;

    @Test
    void anUnknownUserNameRunsTheSameBcryptAsAWrongPassword() {
        int before = passwords.checksRun();

        assertThat(status(SampleCredentials.OPERATOR, "wrong-password")).isEqualTo(401);
        assertThat(passwords.checksRun()).as("checks for a known name").isEqualTo(before + 1);
        assertThat(status("no-such-operator", "wrong-password")).isEqualTo(401);
        assertThat(passwords.checksRun()).as("checks for an unknown name").isEqualTo(before + 2);

        // the unknown name is checked against a dummy of the operators' own cost (12), not Spring's cheaper one
        // (cost 10, about a quarter of the time); the times themselves: PasswordCheckBenchmark (docs/benchmarks.md)
        assertThat(passwords.dummyHash()).startsWith("{bcrypt}$2a$12$");
        assertThat(settings.operators().get(SampleCredentials.OPERATOR).passwordHash()).startsWith("{bcrypt}$2a$12$");
    }

    @Test
    void theDummyHashIsAWellFormedBcryptHashOfTheRealCostThatNoPasswordMatches() {
        String dummy = OperatorAuthentication.dummyHash(12);
        String bcrypt = dummy.substring("{bcrypt}".length());

        assertThat(dummy).matches("\\{bcrypt}\\$2a\\$12\\$[./A-Za-z0-9]{53}");
        assertThat(OperatorAuthentication.dummyHash(12)).as("a fresh salt each time").isNotEqualTo(dummy);
        BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(12);
        assertThat(encoder.matches("", bcrypt)).isFalse();
        assertThat(encoder.matches("wrong-password", bcrypt)).isFalse();
        assertThat(encoder.upgradeEncoding(bcrypt)).as("the encoder reads it as cost 12").isFalse();
    }

    @Test
    void aVerifiedPasswordIsNotRunThroughBcryptOnEveryCall() {
        Http auditor = new Http(port).basic(SampleCredentials.AUDITOR, SampleCredentials.AUDITOR_PASSWORD);
        assertThat(auditor.get("/api/v1/admin/uploads").statusCode()).isEqualTo(200);
        int checks = passwords.checksRun();

        for (int i = 0; i < 5; i++) {
            assertThat(auditor.get("/api/v1/admin/uploads").statusCode()).isEqualTo(200);
        }

        assertThat(passwords.checksRun()).isEqualTo(checks);
        assertThat(new Http(port).basic(SampleCredentials.AUDITOR, "a-different-guess").get("/api/v1/admin/uploads")
                .statusCode()).as("another password is checked, and fails").isEqualTo(401);
        assertThat(passwords.checksRun()).isEqualTo(checks + 1);
    }

    private int status(String user, String password) {
        return new Http(port).basic(user, password).get("/api/v1/admin/uploads").statusCode();
    }
}
