package cn.sedx.gateway.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.support.ExternalTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The detached form used for provincial deliveries and receipts: signature over the exact body bytes. */
class SignatureVerifierTests {

    private static final byte[] BODY = "{\"messageId\":\"m-42\",\"unit\":{\"name\":\"厦门起重机械厂\"}}"
            .getBytes(StandardCharsets.UTF_8);

    private final SignatureVerifier verifier = SampleKeys.verifier();

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"provincial-sm2, -sm3", "provincial-rsa, -sha256", "national-ecdsa, -sha256"})
    void acceptsABodyOpensslSigned(String keyName, String digest) throws Exception {
        Files.write(dir.resolve("body.json"), BODY);
        ExternalTools.Result key = ExternalTools.run(dir, "openssl", "pkcs12", "-in",
                SampleKeys.FOLDER.toAbsolutePath().resolve(keyName + ".p12").toString(), "-passin",
                "pass:sedx-sample", "-nocerts", "-nodes", "-out", "key.pem");
        assertThat(key.exitCode()).as(key.output()).isZero();
        ExternalTools.Result sign = digest.equals("-sm3")
                ? ExternalTools.run(dir, "openssl", "dgst", "-sm3", "-sigopt", "distid:1234567812345678", "-sign",
                        "key.pem", "-out", "body.sig", "body.json")
                : ExternalTools.run(dir, "openssl", "dgst", digest, "-sign", "key.pem", "-out", "body.sig",
                        "body.json");
        assertThat(sign.exitCode()).as(sign.output()).isZero();

        Signer signer = SampleKeys.keys().signer(keyName);
        verifier.verify(signer.profile(), BODY, Files.readAllBytes(dir.resolve("body.sig")), signer.certificate(),
                Instant.now());
    }

    @ParameterizedTest
    @EnumSource(SignatureProfile.class)
    void profilesRoundTripThroughTheirHeaderValue(SignatureProfile profile) {
        assertThat(SignatureProfile.fromHeader(profile.headerValue())).isEqualTo(profile);
    }

    @Test
    void rejectsAnUnknownAlgorithmHeader() {
        assertCode(() -> SignatureProfile.fromHeader("SM2"), ErrorCode.SIGNATURE_INVALID);
    }

    @Test
    void rejectsAChangedBody() {
        Signer signer = SampleKeys.keys().signer("provincial-sm2");
        byte[] signature = signer.sign(BODY);
        byte[] changed = BODY.clone();
        changed[5] ^= 1;
        assertCode(() -> verifier.verify(signer.profile(), changed, signature, signer.certificate(), Instant.now()),
                ErrorCode.SIGNATURE_INVALID);
    }

    @Test
    void rejectsAProfileThatDoesNotFitTheKey() {
        Signer signer = SampleKeys.keys().signer("provincial-ecdsa");
        byte[] signature = signer.sign(BODY);
        assertCode(() -> verifier.verify(SignatureProfile.SM2_SM3, BODY, signature, signer.certificate(),
                Instant.now()), ErrorCode.SIGNATURE_INVALID);
    }

    @Test
    void rejectsGarbageInsteadOfASignature() {
        Signer signer = SampleKeys.keys().signer("national-sm2");
        assertCode(() -> verifier.verify(signer.profile(), BODY, new byte[] {0x30, 0x03, 0x02, 0x01},
                signer.certificate(), Instant.now()), ErrorCode.SIGNATURE_INVALID);
    }

    /** Each thread reuses one engine per profile: a rejection, another key or another profile leaves nothing behind. */
    @Test
    void aThreadsEngineVerifiesAgainAfterARejectionAndForEachKey() {
        Signer national = SampleKeys.keys().signer("national-sm2");
        Signer provincial = SampleKeys.keys().signer("provincial-sm2");
        Signer rsa = SampleKeys.keys().signer("provincial-rsa");

        assertCode(() -> verifier.verify(national.profile(), BODY, new byte[] {0x30, 0x03, 0x02, 0x01},
                national.certificate(), Instant.now()), ErrorCode.SIGNATURE_INVALID);
        verifier.verify(national.profile(), BODY, national.sign(BODY), national.certificate(), Instant.now());
        verifier.verify(rsa.profile(), BODY, rsa.sign(BODY), rsa.certificate(), Instant.now());
        verifier.verify(provincial.profile(), BODY, provincial.sign(BODY), provincial.certificate(), Instant.now());
        // the engine last keyed with the provincial certificate must not accept the national key's signature for it
        assertCode(() -> verifier.verify(provincial.profile(), BODY, national.sign(BODY), provincial.certificate(),
                Instant.now()), ErrorCode.SIGNATURE_INVALID);
        verifier.verify(national.profile(), BODY, national.sign(BODY), national.certificate(), Instant.now());
    }

    @Test
    void threadsVerifyConcurrentlyEachWithItsOwnEngines() throws Exception {
        List<Signer> signers = List.of(SampleKeys.keys().signer("national-sm2"),
                SampleKeys.keys().signer("provincial-sm2"), SampleKeys.keys().signer("national-ecdsa"),
                SampleKeys.keys().signer("provincial-rsa"));
        List<byte[]> signatures = signers.stream().map(s -> s.sign(BODY)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    int verified = 0;
                    for (int i = 0; i < 100; i++) {
                        int k = (i + offset) % signers.size();
                        // every third one is checked against the wrong body, and must fail
                        byte[] body = i % 3 == 0 ? "another body".getBytes(StandardCharsets.UTF_8) : BODY;
                        try {
                            verifier.verify(signers.get(k).profile(), body, signatures.get(k),
                                    signers.get(k).certificate(), Instant.now());
                            verified++;
                        } catch (SedxException e) {
                            assertThat(e.code()).isEqualTo(ErrorCode.SIGNATURE_INVALID);
                        }
                    }
                    return verified;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(66);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsEachUnusableSignerCertificateWithItsOwnCode() {
        assertCode(() -> signedBy("test-untrusted-sm2"), ErrorCode.CERT_UNTRUSTED);
        assertCode(() -> signedBy("test-expired-sm2"), ErrorCode.CERT_EXPIRED);
        Signer early = SampleKeys.anySigner("test-not-yet-valid-sm2");
        // a day before its validity begins, whatever today is (the sample becomes valid a year after generation)
        Instant before = early.certificate().getNotBefore().toInstant().minusSeconds(86_400);
        assertCode(() -> verifier.verify(early.profile(), BODY, early.sign(BODY), early.certificate(), before),
                ErrorCode.CERT_NOT_YET_VALID);
    }

    @Test
    void neverAcceptsATrustedRootAsTheSigner() {
        X509Certificate root = SampleKeys.pem("root-sm2.pem");
        assertCode(() -> verifier.verify(SignatureProfile.SM2_SM3, BODY, new byte[64], root, Instant.now()),
                ErrorCode.CERT_UNTRUSTED);
    }

    private void signedBy(String keyName) {
        Signer signer = SampleKeys.anySigner(keyName);
        verifier.verify(signer.profile(), BODY, signer.sign(BODY), signer.certificate(), Instant.now());
    }

    private static void assertCode(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOf(SedxException.class)
                .satisfies(e -> assertThat(((SedxException) e).code()).isEqualTo(code));
    }
}
