package cn.sedx.gateway.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Map;
import org.springframework.core.io.DefaultResourceLoader;

/** The committed sample PKI of {@code certs-sample/}, loaded once for all tests. */
final class SampleKeys {

    static final Path FOLDER = Path.of("certs-sample");

    private static SigningKeys keys;
    private static SignatureVerifier verifier;

    private SampleKeys() {}

    /** Every default key plus the three test keys (expired, not yet valid, untrusted). */
    static synchronized SigningKeys keys() {
        if (keys == null) {
            Map<String, SigningSettings.Key> tests = Map.of(
                    "test-expired-sm2", sample("test-expired-sm2"),
                    "test-not-yet-valid-sm2", sample("test-not-yet-valid-sm2"),
                    "test-untrusted-sm2", sample("test-untrusted-sm2"));
            SigningSettings settings = new SigningSettings(null, tests, null, null, null);
            keys = new SigningKeys(settings, new DefaultResourceLoader(), Clock.systemUTC());
        }
        return keys;
    }

    static synchronized SignatureVerifier verifier() {
        if (verifier == null) {
            verifier = SignatureVerifier.fromTrustStore(SigningSettings.defaults().trustStore(),
                    new DefaultResourceLoader());
        }
        return verifier;
    }

    /** A signer regardless of its validity, for tests of expired and not-yet-valid certificates. */
    static Signer anySigner(String name) {
        return keys().loaded(name);
    }

    static SigningSettings.Key sample(String name) {
        return new SigningSettings.Key("file:certs-sample/" + name + ".p12", null, null, null);
    }

    static X509Certificate pem(String fileName) {
        try {
            return Crypto.certificate(Files.readAllBytes(FOLDER.resolve(fileName)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
