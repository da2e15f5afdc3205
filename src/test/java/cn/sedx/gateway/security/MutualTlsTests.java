package cn.sedx.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.support.FreshDataDirectory;
import cn.sedx.gateway.support.TlsMaterial;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A system that cannot keep a token authenticates with its TLS client certificate over real mutual TLS. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshDataDirectory.class)
class MutualTlsTests {

    private static final TlsMaterial TLS;
    private static final Path SERVER;
    private static final Path REGISTERED_CLIENT;
    private static final Path UNKNOWN_CLIENT;
    private static final Path TRUST;

    static {
        try {
            TLS = new TlsMaterial();
            SERVER = TLS.keyStore("server", "CN=localhost", true);
            REGISTERED_CLIENT = TLS.keyStore("client", "CN=tls-county,O=Tianhe", false);
            UNKNOWN_CLIENT = TLS.keyStore("stranger", "CN=stranger", false);
            TRUST = TLS.trustStore();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void tls(DynamicPropertyRegistry registry) throws Exception {
        registry.add("server.ssl.enabled", () -> "true");
        registry.add("server.ssl.key-store", () -> SERVER.toUri().toString());
        registry.add("server.ssl.key-store-type", () -> "PKCS12");
        registry.add("server.ssl.key-store-password", () -> new String(TlsMaterial.PASSWORD));
        registry.add("server.ssl.trust-store", () -> TRUST.toUri().toString());
        registry.add("server.ssl.trust-store-type", () -> "PKCS12");
        registry.add("server.ssl.trust-store-password", () -> new String(TlsMaterial.PASSWORD));
        registry.add("server.ssl.client-auth", () -> "want");
        String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(TlsMaterial.leafDer(REGISTERED_CLIENT)));
        registry.add("sedx.security.systems.tls-county.display-name", () -> "TLS county system (test)");
        registry.add("sedx.security.systems.tls-county.jurisdiction", () -> "440106");
        registry.add("sedx.security.systems.tls-county.message-types", () -> "PERSONNEL_FILING,SAFETY_RECORD");
        registry.add("sedx.security.systems.tls-county.certificate-sha256", () -> fingerprint);
    }

    private HttpResponse<String> get(Path clientKeys) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(TLS.clientContext(clientKeys)).build();
        return client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/api/v1/messages"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void authenticatesARegisteredClientCertificateAsItsSystem() throws Exception {
        HttpResponse<String> response = get(REGISTERED_CLIENT);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"total\"");
    }

    @Test
    void refusesACertificateNoSystemIsRegisteredFor() throws Exception {
        assertThat(get(UNKNOWN_CLIENT).statusCode()).isEqualTo(401);
    }

    @Test
    void refusesAConnectionWithoutCredentials() throws Exception {
        assertThat(get(null).statusCode()).isEqualTo(401);
    }
}
