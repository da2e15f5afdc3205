package cn.sedx.gateway.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

class ExchangePackageTests {

    @ParameterizedTest
    @ValueSource(strings = {"gateway-sm2", "gateway-rsa", "gateway-ecdsa"})
    void verifiesWhatItWrote(String keyName) {
        VerifiedPackage verified = verify(Packages.build(keyName));

        Signer signer = SampleKeys.keys().signer(keyName);
        assertThat(verified.profile()).isEqualTo(signer.profile());
        assertThat(verified.signer()).isEqualTo(signer.certificate());
        assertThat(verified.manifest().document().documentNumber()).isEqualTo("粤市监特〔2025〕12号");
        assertThat(verified.manifest().mainRecipients()).containsExactly("市场监管总局特种设备局");
        assertThat(verified.entries()).extracting(ManifestEntry::name).containsExactly("report.xml", "summary.txt");
        assertThat(verified.entries().get(0).size()).isEqualTo(Packages.REPORT_XML.length);
    }

    @Test
    void roundTripsTheWholeManifest() {
        Instant createdAt = Instant.parse("2026-11-28T08:30:15.123Z");
        PackageManifest manifest = verify(Packages.build(SampleKeys.keys().signer("gateway-sm2"), createdAt))
                .manifest();
        assertThat(manifest).isEqualTo(Packages.yearEndReport(createdAt));
    }

    @Test
    void namesTheDigestAlgorithmOfTheProfileInTheManifest() {
        String sm2 = manifestText(Packages.build("gateway-sm2"));
        String rsa = manifestText(Packages.build("gateway-rsa"));
        assertThat(sm2).contains("digestAlgorithm=\"SM3\"").contains("SM2-SM3");
        assertThat(rsa).contains("digestAlgorithm=\"SHA-256\"").contains("RSA-SHA256");
    }

    @Test
    void rejectsAFlippedByteInTheManifest() {
        byte[] zip = Packages.tamper(Packages.build("gateway-sm2"), e -> Packages.flipByte(e, "manifest.xml"));
        assertRejected(zip, ErrorCode.SIGNATURE_INVALID);
    }

    @Test
    void rejectsAFlippedByteInAnEntry() {
        byte[] zip = Packages.tamper(Packages.build("gateway-sm2"), e -> Packages.flipByte(e, "summary.txt"));
        assertRejected(zip, ErrorCode.DIGEST_MISMATCH).hasMessageContaining("summary.txt");
    }

    @Test
    void rejectsAFlippedByteInTheSignature() {
        byte[] zip = Packages.tamper(Packages.build("gateway-ecdsa"), e -> Packages.flipByte(e, "manifest.sig"));
        assertRejected(zip, ErrorCode.SIGNATURE_INVALID);
    }

    @Test
    void rejectsASwappedCertificate() throws Exception {
        byte[] other = SampleKeys.keys().signer("provincial-sm2").certificate().getEncoded();
        byte[] zip = Packages.tamper(Packages.build("gateway-sm2"), e -> e.put("signer.cer", other));
        assertRejected(zip, ErrorCode.SIGNATURE_INVALID);
    }

    @Test
    void rejectsASignerFromAnUntrustedCa() {
        assertRejected(Packages.build(SampleKeys.anySigner("test-untrusted-sm2"), Instant.now()),
                ErrorCode.CERT_UNTRUSTED);
    }

    @Test
    void rejectsASignerWhoseCertificateHadExpiredAtSigningTime() {
        assertRejected(Packages.build(SampleKeys.anySigner("test-expired-sm2"), Instant.now()),
                ErrorCode.CERT_EXPIRED);
    }

    @Test
    void acceptsAPackageSignedWhileItsNowExpiredCertificateWasValid() {
        Signer expired = SampleKeys.anySigner("test-expired-sm2");
        Instant signedAt = expired.certificate().getNotAfter().toInstant().minusSeconds(86_400);
        assertThat(verify(Packages.build(expired, signedAt)).signer()).isEqualTo(expired.certificate());
    }

    @Test
    void rejectsASignerWhoseCertificateWasNotYetValidAtSigningTime() {
        Signer early = SampleKeys.anySigner("test-not-yet-valid-sm2");
        // a day before its validity begins, whatever today is (the sample becomes valid a year after generation)
        Instant signedAt = early.certificate().getNotBefore().toInstant().minusSeconds(86_400);
        assertRejected(Packages.build(early, signedAt), ErrorCode.CERT_NOT_YET_VALID);
    }

    @Test
    void rejectsAMissingEntry() {
        byte[] zip = Packages.tamper(Packages.build("gateway-sm2"), e -> e.remove("report.xml"));
        assertRejected(zip, ErrorCode.ENTRY_MISSING).hasMessageContaining("report.xml");
    }

    @Test
    void rejectsAnExtraEntry() {
        byte[] zip = Packages.tamper(Packages.build("gateway-sm2"), e -> e.put("extra.exe", new byte[] {1, 2}));
        assertRejected(zip, ErrorCode.ENTRY_UNEXPECTED).hasMessageContaining("extra.exe");
    }

    @Test
    void rejectsAPackageWithoutSignature() {
        byte[] zip = Packages.tamper(Packages.build("gateway-sm2"), e -> e.remove("manifest.sig"));
        assertRejected(zip, ErrorCode.ENTRY_MISSING);
    }

    @Test
    void rejectsAPackageOverTheUncompressedSizeLimitWithoutInflatingIt() {
        byte[] zip = Packages.tamper(Packages.build("gateway-sm2"), e -> e.put("bomb.bin", new byte[4 << 20]));
        ExchangePackageVerifier verifier = new ExchangePackageVerifier(SampleKeys.verifier(),
                new SigningSettings.PackageLimits(10, DataSize.ofMegabytes(1), null));
        assertThatThrownBy(() -> verifier.verify(new ByteArrayInputStream(zip)))
                .satisfies(e -> assertThat(((SedxException) e).code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
    }

    @Test
    void rejectsAPackageWithTooManyEntries() {
        byte[] zip = Packages.tamper(Packages.build("gateway-sm2"), e -> {
            for (int i = 0; i < 20; i++) {
                e.put("n" + i, new byte[0]);
            }
        });
        ExchangePackageVerifier verifier = new ExchangePackageVerifier(SampleKeys.verifier(),
                new SigningSettings.PackageLimits(10, null, null));
        assertThatThrownBy(() -> verifier.verify(new ByteArrayInputStream(zip)))
                .satisfies(e -> assertThat(((SedxException) e).code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
    }

    @Test
    void refusesASignedManifestThatDeclaresADtd() {
        Signer signer = SampleKeys.keys().signer("gateway-sm2");
        byte[] manifest = ("<?xml version=\"1.0\"?><!DOCTYPE manifest [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><manifest>&b;</manifest>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] zip = Packages.tamper(Packages.build("gateway-sm2"), e -> {
            e.put("manifest.xml", manifest);
            e.put("manifest.sig", signer.sign(manifest));
        });
        assertRejected(zip, ErrorCode.SIGNATURE_INVALID).hasMessageContaining("DTD");
    }

    @Test
    void refusesToWriteAReservedOrPathLikeEntryName() {
        assertThatThrownBy(() -> PackageEntry.of("manifest.xml", "application/xml", new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PackageEntry.of("../etc/passwd", "text/plain", new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static VerifiedPackage verify(byte[] zip) {
        return Packages.verifier().verify(new ByteArrayInputStream(zip));
    }

    private static String manifestText(byte[] zip) {
        Map<String, byte[]> entries = Packages.unzip(zip);
        return new String(entries.get("manifest.xml"), StandardCharsets.UTF_8);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(byte[] zip, ErrorCode code) {
        return assertThatThrownBy(() -> verify(zip))
                .isInstanceOf(SedxException.class)
                .satisfies(e -> assertThat(((SedxException) e).code()).isEqualTo(code));
    }
}
