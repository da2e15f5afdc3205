package cn.sedx.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.FreshDataDirectory;
import cn.sedx.gateway.support.TlsMaterial;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    private static final ObjectMapper JSON = new ObjectMapper();
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
        return get(clientKeys, "/api/v1/messages");
    }

    private HttpResponse<String> get(Path clientKeys, String path) throws Exception {
        return client(clientKeys).send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpClient client(Path clientKeys) throws Exception {
        return HttpClient.newBuilder().sslContext(TLS.clientContext(clientKeys)).build();
    }

    @Test
    void authenticatesARegisteredClientCertificateAsItsSystem() throws Exception {
        HttpResponse<String> submitted = client(REGISTERED_CLIENT).send(HttpRequest.newBuilder(
                        URI.create("https://127.0.0.1:" + port + "/api/v1/personnel-filings"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.bytes("personnel-filing/valid-use-unit.json")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = JSON.readTree(submitted.body()).get("messageId").asText();

        // the store names the system the certificate maps to, and that system reads its own message and list
        HttpResponse<String> message = get(REGISTERED_CLIENT, "/api/v1/messages/" + id);
        assertThat(message.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(message.body()).get("submittingSystem").asText()).isEqualTo("tls-county");
        HttpResponse<String> list = get(REGISTERED_CLIENT);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(list.body()).get("total").asInt()).isEqualTo(1);
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
