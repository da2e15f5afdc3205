package cn.sedx.gateway.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Http;
import cn.sedx.gateway.support.SampleCredentials;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/**
 * Operators' passwords over real HTTP: an unknown user name costs the same bcrypt as a wrong password, so the answer
 * time does not tell which user names exist; a verified password is not run through bcrypt again on every call.
 * Shares the access matrix's gateway (no failure throttling: it fails on purpose).
 */
@GatewayTest
@TestPropertySource(properties = "sedx.security.failed-authentication.max-failures=100000")
class OperatorPasswordTests {

    @LocalServerPort
    int port;

    @Autowired
    OperatorAuthentication passwords;

    @Test
    void anUnknownUserNameTakesAsLongAsAWrongPassword() {
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            known.add(millis(SampleCredentials.OPERATOR, "wrong-password-" + round));
            unknown.add(millis("no-such-operator-" + round, "wrong-password-" + round));
        }

        assertThat(passwords.dummyHash()).startsWith("{bcrypt}$2a$12$");
        // Spring's own dummy (bcrypt cost 10 against the sample's 12) answered in about a quarter of the time
        assertThat((double) median(unknown)).as("unknown %s, known %s", unknown, known)
                .isGreaterThan(0.6 * median(known));
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

    private long millis(String user, String password) {
        long started = System.nanoTime();
        assertThat(new Http(port).basic(user, password).get("/api/v1/admin/uploads").statusCode()).isEqualTo(401);
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
