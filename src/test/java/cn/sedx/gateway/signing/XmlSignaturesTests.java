package cn.sedx.gateway.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.support.ExternalTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XmlSignaturesTests {

    private static final byte[] PAYLOAD = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<personnelFiling xmlns=\"urn:sedx:national:personnel:1\"><unit uscc=\"91350100M000100Y43\">"
            + "<name>福州电梯有限公司</name></unit><person role=\"安全总监\">张三</person></personnelFiling>\n")
            .getBytes(StandardCharsets.UTF_8);

    private final XmlSignatures signatures = new XmlSignatures(SampleKeys.verifier());

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"gateway-rsa, root-rsa.pem", "gateway-ecdsa, root-ecdsa.pem"})
    void xmlsec1VerifiesOurSignature(String keyName, String root) throws IOException {
        Files.write(dir.resolve("signed.xml"), signatures.sign(PAYLOAD, SampleKeys.keys().signer(keyName)));

        ExternalTools.Result result = ExternalTools.run(dir, "xmlsec1", "--verify", "--trusted-pem",
                SampleKeys.FOLDER.toAbsolutePath().resolve(root).toString(), "signed.xml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("OK");
    }

    @Test
    void xmlsec1RejectsOurSignatureOnATamperedDocument() throws IOException {
        String signed = new String(signatures.sign(PAYLOAD, SampleKeys.keys().signer("gateway-rsa")),
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("signed.xml"), signed.replace("张三", "李四"));

        ExternalTools.Result result = ExternalTools.run(dir, "xmlsec1", "--verify", "--trusted-pem",
                SampleKeys.FOLDER.toAbsolutePath().resolve("root-rsa.pem").toString(), "signed.xml");

        // exit 1 with xmlsec1's verdict on the reference's digest, not a failure to read the key or the document
        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("data and digest do not match", "FAIL").doesNotContain("OK\n");
    }

    @ParameterizedTest
    @CsvSource({"gateway-rsa, rsa-sha256", "gateway-ecdsa, ecdsa-sha256"})
    void weVerifyWhatXmlsec1Signed(String keyName, String algorithm) throws IOException {
        Files.writeString(dir.resolve("template.xml"), template(algorithm));

        ExternalTools.Result result = ExternalTools.run(dir, "xmlsec1", "--sign", "--pkcs12",
                SampleKeys.FOLDER.toAbsolutePath().resolve(keyName + ".p12").toString(), "--pwd", "sedx-sample",
                "--output", "signed.xml", "template.xml");
        assertThat(result.exitCode()).as(result.output()).isZero();

        assertThat(signatures.verify(Files.readAllBytes(dir.resolve("signed.xml")), Instant.now()))
                .isEqualTo(SampleKeys.keys().signer(keyName).certificate());
    }

    @Test
    void rejectsATamperedDocument() {
        String signed = new String(signatures.sign(PAYLOAD, SampleKeys.keys().signer("gateway-ecdsa")),
                StandardCharsets.UTF_8);
        byte[] tampered = signed.replace("张三", "李四").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> signatures.verify(tampered, Instant.now()))
                .satisfies(e -> assertThat(((SedxException) e).code()).isEqualTo(ErrorCode.SIGNATURE_INVALID));
    }

    @Test
    void rejectsASignatureMadeAfterTheCertificateExpired() {
        byte[] signed = signatures.sign(PAYLOAD, SampleKeys.keys().signer("gateway-rsa"));
        Instant later = Instant.now().plusSeconds(11L * 366 * 24 * 3600);
        assertThatThrownBy(() -> signatures.verify(signed, later))
                .satisfies(e -> assertThat(((SedxException) e).code()).isEqualTo(ErrorCode.CERT_EXPIRED));
    }

    @Test
    void refusesToSignXmlWithAnSm2Key() {
        assertThatThrownBy(() -> signatures.sign(PAYLOAD, SampleKeys.keys().signer("gateway-sm2")))
                .satisfies(e -> assertThat(((SedxException) e).code()).isEqualTo(ErrorCode.SIGNING_KEY_UNAVAILABLE));
    }

    @Test
    void refusesADocumentWithADtd() {
        byte[] xml = "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> signatures.verify(xml, Instant.now()))
                .satisfies(e -> assertThat(((SedxException) e).code()).isEqualTo(ErrorCode.MALFORMED_XML));
    }

    private static String template(String algorithm) {
        String ds = "http://www.w3.org/2000/09/xmldsig#";
        String signatureMethod = algorithm.startsWith("rsa") ? "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
                : "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
        return new String(PAYLOAD, StandardCharsets.UTF_8).replace("</personnelFiling>",
                "<Signature xmlns=\"" + ds + "\"><SignedInfo>"
                + "<CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>"
                + "<SignatureMethod Algorithm=\"" + signatureMethod + "\"/>"
                + "<Reference URI=\"\"><Transforms>"
                + "<Transform Algorithm=\"" + ds + "enveloped-signature\"/>"
                + "<Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/></Transforms>"
                + "<DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><DigestValue/>"
                + "</Reference></SignedInfo><SignatureValue/><KeyInfo><X509Data/></KeyInfo></Signature>"
                + "</personnelFiling>");
    }
}
