package cn.sedx.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.FreshDataDirectory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** The README's client-certificate example: the `tls` profile with the sample material of certs-sample/tls. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshDataDirectory.class)
@ActiveProfiles("tls")
class SampleTlsTests {

    private static final char[] PASSWORD = "sedx-sample".toCharArray();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private static KeyStore load(String file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of("certs-sample/tls", file))) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    @Test
    void theSampleCountyCertificateAuthenticatesTheCountySystem() throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load("tianhe-county.p12"), PASSWORD);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load("truststore.p12"));
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), trust.getTrustManagers(), new SecureRandom());

        HttpResponse<String> response = HttpClient.newBuilder().sslContext(tls).build().send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/v1/year-end-reports"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        // authenticated, as a system that may not submit year-end reports: 403, not 401
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("FORBIDDEN");
        // and that system is tianhe-county: what it submits is stored under its name
        HttpResponse<String> filed = HttpClient.newBuilder().sslContext(tls).build().send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/v1/personnel-filings"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(
                                Fixtures.bytes("personnel-filing/valid-use-unit.json"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(202);
        String id = JSON.readTree(filed.body()).get("messageId").asText();
        HttpResponse<String> stored = HttpClient.newBuilder().sslContext(tls).build().send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/v1/messages/" + id)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(stored.body()).path("submittingSystem").asText()).isEqualTo("tianhe-county");
        // under TLS every answer tells browsers to come back over TLS only
        assertThat(response.headers().firstValue("Strict-Transport-Security"))
                .hasValue("max-age=31536000 ; includeSubDomains");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeadersTests.POLICY);

        // the console's pages (their own filter chain) too
        HttpResponse<String> signIn = HttpClient.newBuilder().sslContext(tls).build().send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/console/sign-in")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.headers().firstValue("Strict-Transport-Security"))
                .hasValue("max-age=31536000 ; includeSubDomains");
        assertThat(signIn.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeadersTests.POLICY);
    }
}
