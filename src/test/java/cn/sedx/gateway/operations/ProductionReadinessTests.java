package cn.sedx.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.support.TlsMaterial;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;

/**
 * What the production profile refuses, checked on real keystores: the gateway's own test PKI passes, and every
 * kind of unsafe setting is named with its setting, all in one list.
 */
class ProductionReadinessTests {

    private static final char[] SAMPLE_PASSWORD = "sedx-sample".toCharArray();

    @TempDir
    Path home;

    private MockEnvironment environment;

    @BeforeEach
    void aGatewayWithItsOwnPkiBehindAProxyDeliveringToARealPlatform() throws Exception {
        TlsMaterial pki = new TlsMaterial();
        Path key = Files.move(pki.keyStore("gateway", "CN=Test gateway signing", false), home.resolve("gateway.p12"));
        Path trust = Files.move(pki.trustStore(), home.resolve("trust.p12"));
        environment = new MockEnvironment();
        environment.setActiveProfiles("production");
        environment.withProperty("sedx.home", home.toString())
                .withProperty("sedx.signing.sample-keys", "false")
                .withProperty("sedx.signing.keys.gateway-sm2.location", "file:gateway.p12")
                .withProperty("sedx.signing.keys.gateway-sm2.alias", "tls")
                .withProperty("sedx.signing.keys.gateway-sm2.password", new String(TlsMaterial.PASSWORD))
                .withProperty("sedx.signing.trust-store.location", "file:" + trust)
                .withProperty("sedx.signing.trust-store.password", new String(TlsMaterial.PASSWORD))
                .withProperty("sedx.delivery.require-platforms", "true")
                .withProperty("sedx.delivery.sender.name", "test")
                .withProperty("sedx.delivery.sender.uscc", "11440000MB2C07781D")
                .withProperty("sedx.delivery.sender.region-code", "440000")
                .withProperty("sedx.delivery.destinations.province-44.kind", "PROVINCIAL")
                .withProperty("sedx.delivery.destinations.province-44.province", "44")
                .withProperty("sedx.delivery.destinations.province-44.url", "https://provincial.example.cn/sedx")
                .withProperty("sedx.operations.tls-terminating-proxy.addresses", "10.1.2.3")
                .withProperty("server.forward-headers-strategy", "native")
                .withProperty("sedx.soap.public-url", "https://sedx.example.cn/ws/submission")
                .withProperty("sedx.store.encryption.key-id", "prod-test")
                .withProperty("sedx.store.encryption.key", "c2VkeC10ZXN0LWtleS0xNg==");
        assertThat(key).exists();
    }

    @Test
    void acceptsAGatewayWithItsOwnKeysAndTrustStoreBehindATlsProxy() {
        assertThat(problems()).isEmpty();
    }

    @Test
    void refusesTheEmbeddedDefaultsNamingEveryProblemAndItsSetting() {
        environment = new MockEnvironment();
        environment.setActiveProfiles("production");
        environment.withProperty("sedx.delivery.require-platforms", "true")
                .withProperty("sedx.delivery.destinations.province-44.kind", "PROVINCIAL")
                .withProperty("sedx.delivery.destinations.province-44.url", "/sim/provincial/province-44")
                .withProperty("sedx.delivery.destinations.national-platform.kind", "NATIONAL_PLATFORM")
                .withProperty("sedx.delivery.destinations.national-platform.url", "https://national.example.cn")
                .withProperty("sedx.delivery.destinations.national-platform.signing-key", "national-key");

        List<String> problems = problems();

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("sedx.signing.sample-keys is true"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("sedx.signing.trust-store.location")
                .contains("SAMPLE"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("province-44 (/sim/provincial/province-44)"));
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .contains("sedx.delivery.destinations.national-platform.signing-key names signing key 'national-key',"
                        + " which is not configured"));
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .contains("sedx.delivery.destinations.province-44.signing-key names signing key 'gateway-sm2',"
                        + " which is a SAMPLE key"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("the listener is plain HTTP"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("sedx.soap.public-url is not set"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("no store key: set SEDX_STORE_KEY"));
        assertThat(problems).allSatisfy(p -> assertThat(p).containsPattern("\\p{IsHan}").contains(" / "));
    }

    @Test
    void recognisesASampleKeyCopiedOutOfCertsSampleByItsContent() throws Exception {
        Files.copy(Path.of("certs-sample/gateway-sm2.p12"), home.resolve("copied.p12"));
        useKey("file:copied.p12", "signing", "sedx-sample");

        assertThat(problems()).anySatisfy(p -> assertThat(p)
                .contains("signing key gateway-sm2 (sedx.signing.keys.gateway-sm2.location = file:copied.p12) is a"
                        + " SAMPLE key"));
    }

    @Test
    void recognisesASampleKeyRewrappedInAKeystoreOfItsOwn() throws Exception {
        KeyStore sample = KeyStore.getInstance("PKCS12", new BouncyCastleProvider());
        try (InputStream in = Files.newInputStream(Path.of("certs-sample/gateway-sm2.p12"))) {
            sample.load(in, SAMPLE_PASSWORD);
        }
        Key key = sample.getKey("signing", SAMPLE_PASSWORD);
        KeyStore rewrapped = KeyStore.getInstance("PKCS12", new BouncyCastleProvider());
        rewrapped.load(null, null);
        rewrapped.setKeyEntry("mine", key, "another-password".toCharArray(), sample.getCertificateChain("signing"));
        try (OutputStream out = Files.newOutputStream(home.resolve("rewrapped.p12"))) {
            rewrapped.store(out, "another-password".toCharArray());
        }
        useKey("file:rewrapped.p12", "mine", "another-password");

        assertThat(problems()).anySatisfy(p -> assertThat(p).contains("signing key gateway-sm2").contains("SAMPLE key"));
    }

    @Test
    void recognisesTheSampleTrustStoreCopiedElsewhereAndASampleRootAmongRealOnes() throws Exception {
        Files.copy(Path.of("certs-sample/truststore.p12"), home.resolve("copied-trust.p12"));
        environment.withProperty("sedx.signing.trust-store.location", "file:copied-trust.p12")
                .withProperty("sedx.signing.trust-store.password", "sedx-sample");
        assertThat(problems()).anySatisfy(p -> assertThat(p).contains("is the SAMPLE one"));

        KeyStore mixed = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(home.resolve("trust.p12"))) {
            mixed.load(in, TlsMaterial.PASSWORD);
        }
        try (InputStream in = Files.newInputStream(Path.of("certs-sample/root-ecdsa.pem"))) {
            mixed.setCertificateEntry("sample-root", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        try (OutputStream out = Files.newOutputStream(home.resolve("mixed.p12"))) {
            mixed.store(out, TlsMaterial.PASSWORD);
        }
        environment.withProperty("sedx.signing.trust-store.location", "file:mixed.p12")
                .withProperty("sedx.signing.trust-store.password", new String(TlsMaterial.PASSWORD));
        assertThat(problems()).singleElement().asString().contains("holds the SAMPLE certificate")
                .contains("SEDX Sample");
        assertThat(Collections.list(mixed.aliases())).hasSize(2);
    }

    @Test
    void refusesAKeyThatCannotBeLoadedAndEverySettingThatNamesIt() {
        environment.withProperty("sedx.signing.keys.gateway-sm2.password", "wrong");

        List<String> problems = problems();

        assertThat(problems).anySatisfy(p -> assertThat(p)
                .contains("signing key gateway-sm2 (sedx.signing.keys.gateway-sm2) cannot be used"));
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .contains("sedx.delivery.destinations.province-44.signing-key names signing key 'gateway-sm2',"
                        + " which is unusable"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("sedx.upload.signing-key"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("sedx.audit.signing-key"));
    }

    @Test
    void refusesAProxyWhoseForwardedHeadersAreNotReadAndAcceptsTls() throws Exception {
        environment.withProperty("server.forward-headers-strategy", "none");
        assertThat(problems()).singleElement().asString().contains("server.forward-headers-strategy is none");

        Path tls = Files.move(new TlsMaterial().keyStore("tls", "CN=localhost", true), home.resolve("tls.p12"));
        environment.withProperty("sedx.operations.tls-terminating-proxy.addresses", "")
                .withProperty("server.ssl.key-store", "file:" + tls);
        assertThat(problems()).isEmpty();
    }

    @Test
    void refusesTheSampleTlsMaterial() {
        environment.withProperty("server.ssl.key-store", "file:certs-sample/tls/server.p12");

        assertThat(problems()).singleElement().asString().contains("server.ssl.key-store").contains("SAMPLE TLS");
    }

    @Test
    void refusesStoredPayloadsWithoutTheirKeyOrInClear() {
        environment.withProperty("sedx.store.encryption.key", " ");
        assertThat(problems()).singleElement().asString().contains("SEDX_STORE_KEY").contains("未配置存储加密密钥");

        environment.withProperty("sedx.store.encryption.enabled", "false");
        assertThat(problems()).singleElement().asString().contains("sedx.store.encryption.enabled is false");
    }

    private void useKey(String location, String alias, String password) {
        environment.withProperty("sedx.signing.keys.gateway-sm2.location", location)
                .withProperty("sedx.signing.keys.gateway-sm2.alias", alias)
                .withProperty("sedx.signing.keys.gateway-sm2.password", password);
    }

    private List<String> problems() {
        HomeFolder folder = HomeFolder.of(environment);
        DefaultResourceLoader resources = new DefaultResourceLoader();
        resources.addProtocolResolver((location, loader) -> folder.resource(location));
        return new ProductionReadiness(environment, resources, folder, SampleMaterial.packaged()).problems();
    }
}
