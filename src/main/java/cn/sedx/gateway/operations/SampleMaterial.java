package cn.sedx.gateway.operations;

import cn.sedx.gateway.shared.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Fingerprints of the SAMPLE PKI packaged in the jar ({@code certs-sample/}): the SHA-256 of every file and of
 * every certificate in its PEM files. A production gateway compares its keys, certificates and trust stores with
 * these by content, so a sample copied elsewhere or re-wrapped in a new keystore is still recognised.
 */
final class SampleMaterial {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----");

    private final Set<String> files;
    private final Set<String> certificates;

    SampleMaterial(Set<String> files, Set<String> certificates) {
        this.files = Set.copyOf(files);
        this.certificates = Set.copyOf(certificates);
    }

    /** The fingerprints of the samples packaged under {@code classpath:certs-sample/}. */
    static SampleMaterial packaged() {
        Set<String> files = new HashSet<>();
        Set<String> certificates = new HashSet<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + HomeFolder.SAMPLES + "**/*")) {
                if (!resource.isReadable()) {
                    continue;
                }
                byte[] bytes;
                try (InputStream in = resource.getInputStream()) {
                    bytes = in.readAllBytes();
                }
                files.add(Sha256.hex(bytes));
                Matcher pem = PEM.matcher(new String(bytes, StandardCharsets.US_ASCII));
                while (pem.find()) {
                    certificates.add(Sha256.hex(Base64.getMimeDecoder().decode(pem.group(1))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged certs-sample/", e);
        }
        return new SampleMaterial(files, certificates);
    }

    /** Whether these bytes are a file of the sample PKI. */
    boolean isSampleFile(byte[] content) {
        return files.contains(Sha256.hex(content));
    }

    /** Whether this DER certificate is one of the sample PKI's. */
    boolean isSampleCertificate(byte[] der) {
        return certificates.contains(Sha256.hex(der));
    }

    boolean isEmpty() {
        return certificates.isEmpty();
    }

}
