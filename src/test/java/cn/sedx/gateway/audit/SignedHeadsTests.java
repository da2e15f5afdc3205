package cn.sedx.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.signing.Certificates;
import cn.sedx.gateway.signing.SignatureVerifier;
import cn.sedx.gateway.signing.Signer;
import cn.sedx.gateway.signing.SigningKeys;
import cn.sedx.gateway.signing.SigningSettings;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * A signed audit head is checked with the certificate it carries, against the trust store, at the time it was
 * signed: after a key rotation the heads signed with the retired key still verify, as long as its root stays in the
 * trust store (docs/operations.md, "Rotating the signing key").
 */
class SignedHeadsTests {

    private static final String DIGEST = "ab".repeat(32);

    @Test
    void verifiesAHeadSignedByAKeyThatIsNoLongerTheGatewaysWhileItsRootIsTrusted() throws Exception {
        SignatureVerifier trustingBoth = SignatureVerifier.fromTrustStore(SigningSettings.defaults().trustStore(),
                new DefaultResourceLoader());

        assertThat(new SignedHeads(null, trustingBoth).check(headSignedByRetiredKey(), DIGEST)).isNull();
    }

    @Test
    void refusesItOnceItsRootLeftTheTrustStore() throws Exception {
        SignatureVerifier rsaRootOnly;
        try (InputStream in = Files.newInputStream(Path.of("certs-sample/root-rsa.pem"))) {
            String pem = new String(in.readAllBytes()).replaceAll("-----[A-Z ]+-----|\\s", "");
            rsaRootOnly = new SignatureVerifier(List.of(Certificates.parse(Base64.getDecoder().decode(pem))));
        }

        assertThat(new SignedHeads(null, rsaRootOnly).check(headSignedByRetiredKey(), DIGEST))
                .contains("does not verify").contains("not trusted");
    }

    /** A head signed with the sample provincial SM2 key, standing in for a retired gateway key. */
    private static SignedHeads.SignedHead headSignedByRetiredKey() throws Exception {
        SigningKeys keys = new SigningKeys(SigningSettings.defaults(), new DefaultResourceLoader(), Clock.systemUTC());
        Signer retired = keys.signer("provincial-sm2");
        byte[] signature = retired.sign(HeadSignatures.signedBytes(42, DIGEST));
        return new SignedHeads.SignedHead(42, DIGEST, Instant.now(),
                retired.profile().headerValue(), Base64.getEncoder().encodeToString(signature),
                Base64.getEncoder().encodeToString(retired.certificate().getEncoded()));
    }
}
