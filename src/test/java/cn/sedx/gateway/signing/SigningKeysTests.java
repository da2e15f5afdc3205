package cn.sedx.gateway.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

class SigningKeysTests {

    private static final byte[] DATA = "{\"messageId\":\"m-1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void loadsEverySampleKeyUnderItsDefaultName() {
        assertThat(SampleKeys.keys().certificates().keySet()).containsAll(SigningSettings.SAMPLE_KEY_NAMES);
        assertThat(SampleKeys.keys().signer("gateway-sm2").profile()).isEqualTo(SignatureProfile.SM2_SM3);
        assertThat(SampleKeys.keys().signer("national-rsa").profile()).isEqualTo(SignatureProfile.RSA_SHA256);
        assertThat(SampleKeys.keys().signer("provincial-ecdsa").profile())
                .isEqualTo(SignatureProfile.ECDSA_P256_SHA256);
    }

    @Test
    void signsVerifiablyWithEveryDefaultKey() {
        for (String name : SigningSettings.SAMPLE_KEY_NAMES) {
            Signer signer = SampleKeys.keys().signer(name);
            byte[] signature = signer.sign(DATA);
            SampleKeys.verifier().verify(signer.profile(), DATA, signature, signer.certificate(), Instant.now());
        }
    }

    @Test
    void refusesToHandOutAnExpiredKey() {
        assertThatThrownBy(() -> SampleKeys.keys().signer("test-expired-sm2"))
                .isInstanceOf(SedxException.class)
                .satisfies(e -> assertThat(((SedxException) e).code()).isEqualTo(ErrorCode.CERT_EXPIRED))
                .hasMessageContaining("test-expired-sm2");
    }

    @Test
    void refusesAKeyThatExpiresLaterWhenTheClockHasPassedIt() {
        Clock future = Clock.fixed(Instant.now().plusSeconds(11L * 366 * 24 * 3600), java.time.ZoneOffset.UTC);
        SigningKeys keys = gatewaySm2At(future);
        assertThatThrownBy(() -> keys.signer("gateway-sm2"))
                .satisfies(e -> assertThat(((SedxException) e).code()).isEqualTo(ErrorCode.CERT_EXPIRED));
    }

    @Test
    void refusesAKeyBeforeItsCertificateIsValidAndNamesWhenItBecomesValid() {
        X509Certificate certificate = SampleKeys.keys().signer("gateway-sm2").certificate();
        Instant notBefore = certificate.getNotBefore().toInstant();
        Clock past = Clock.fixed(notBefore.minusSeconds(1), java.time.ZoneOffset.UTC);
        SigningKeys keys = gatewaySm2At(past);
        assertThatThrownBy(() -> keys.signer("gateway-sm2"))
                .satisfies(e -> assertThat(((SedxException) e).code()).isEqualTo(ErrorCode.CERT_NOT_YET_VALID))
                .hasMessageContaining(notBefore.toString());

        Instant notAfter = certificate.getNotAfter().toInstant();
        SigningKeys later = gatewaySm2At(Clock.fixed(notAfter.plusSeconds(1), java.time.ZoneOffset.UTC));
        assertThatThrownBy(() -> later.signer("gateway-sm2"))
                .satisfies(e -> assertThat(((SedxException) e).code()).isEqualTo(ErrorCode.CERT_EXPIRED))
                .hasMessageContaining(notAfter.toString());
        // on the last second of its validity the key still signs
        SigningKeys last = gatewaySm2At(Clock.fixed(notAfter, java.time.ZoneOffset.UTC));
        assertThat(last.signer("gateway-sm2").notAfter()).isEqualTo(notAfter);
    }

    @Test
    void rejectsAnUnknownKeyName() {
        assertThatThrownBy(() -> SampleKeys.keys().signer("nobody"))
                .satisfies(e -> assertThat(((SedxException) e).code()).isEqualTo(ErrorCode.SIGNING_KEY_UNAVAILABLE));
    }

    @Test
    void failsAtStartWhenAKeystoreIsMissing() {
        SigningSettings settings = new SigningSettings(false, Map.of("gone",
                new SigningSettings.Key("file:certs-sample/gone.p12", null, null, null)), null, null, null);
        assertThatThrownBy(() -> new SigningKeys(settings, new DefaultResourceLoader(), Clock.systemUTC()))
                .satisfies(e -> assertThat(((SedxException) e).code()).isEqualTo(ErrorCode.SIGNING_KEY_UNAVAILABLE))
                .hasMessageContaining("gone");
    }

    @Test
    void failsAtStartOnAWrongPasswordWithoutRevealingIt() {
        SigningSettings settings = new SigningSettings(false, Map.of("gateway-sm2",
                new SigningSettings.Key("file:certs-sample/gateway-sm2.p12", null, null, "wrong-secret-42")),
                null, null, null);
        assertThatThrownBy(() -> new SigningKeys(settings, new DefaultResourceLoader(), Clock.systemUTC()))
                .satisfies(e -> assertThat(((SedxException) e).code()).isEqualTo(ErrorCode.SIGNING_KEY_UNAVAILABLE))
                .hasMessageNotContaining("wrong-secret-42");
    }

    @Test
    void offersTheSamplePasswordOnlyToKeystoresInTheSampleFolder() {
        SigningSettings settings = new SigningSettings(false, Map.of("real",
                new SigningSettings.Key("file:/etc/sedx/real.p12", null, null, null)), null, null, null);
        assertThatThrownBy(() -> new SigningKeys(settings, new DefaultResourceLoader(), Clock.systemUTC()))
                .hasMessageContaining("no password configured");
    }

    @Test
    void neverShowsAPasswordInSettingsText() {
        SigningSettings settings = new SigningSettings(false, Map.of("k",
                new SigningSettings.Key("file:k.p12", null, null, "s3cret")),
                new SigningSettings.Store("file:t.p12", null, "t0ps3cret"), null, null);
        assertThat(settings.toString()).doesNotContain("s3cret").doesNotContain("t0ps3cret");
    }

    /** The sample gateway SM2 key alone, with the clock given. */
    private static SigningKeys gatewaySm2At(Clock clock) {
        return new SigningKeys(new SigningSettings(false, Map.of("gateway-sm2", SampleKeys.sample("gateway-sm2")), null,
                null, null), new DefaultResourceLoader(), clock);
    }
}
