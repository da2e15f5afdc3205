package cn.sedx.gateway.signing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.support.ExternalTools;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Proves with stock OpenSSL that our signatures are standard (GM/T 0009 for SM2), and theirs verify with us. */
class OpenSslInteropTests {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"gateway-sm2, -sm3", "gateway-rsa, -sha256", "gateway-ecdsa, -sha256"})
    void opensslVerifiesOurManifestSignature(String keyName, String digest) throws IOException {
        unpack(Packages.build(keyName));
        openssl("x509", "-inform", "DER", "-in", "signer.cer", "-pubkey", "-noout", "-out", "pub.pem");

        ExternalTools.Result result = ExternalTools.run(dir, dgst(digest, "-verify", "pub.pem", "-signature",
                "manifest.sig", "manifest.xml"));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("Verified OK");
    }

    @ParameterizedTest
    @CsvSource({"gateway-sm2, -sm3", "gateway-ecdsa, -sha256"})
    void opensslRejectsOurSignatureOverATamperedManifest(String keyName, String digest) throws IOException {
        unpack(Packages.tamper(Packages.build(keyName), e -> Packages.flipByte(e, "manifest.xml")));
        openssl("x509", "-inform", "DER", "-in", "signer.cer", "-pubkey", "-noout", "-out", "pub.pem");

        ExternalTools.Result result = ExternalTools.run(dir, dgst(digest, "-verify", "pub.pem", "-signature",
                "manifest.sig", "manifest.xml"));

        // exit 1 with openssl's verdict on the signature, not a failure to read the key or the files
        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("Verification failure").doesNotContain("Verified OK", "unable to load",
                "Could not");
    }

    @ParameterizedTest
    @CsvSource({"gateway-sm2, -sm3", "gateway-rsa, -sha256", "gateway-ecdsa, -sha256"})
    void weAcceptAPackageWhoseManifestOpensslSigned(String keyName, String digest) throws IOException {
        Map<String, byte[]> entries = unpack(Packages.build(keyName));
        Files.delete(dir.resolve("manifest.sig"));
        openssl("pkcs12", "-in", SampleKeys.FOLDER.toAbsolutePath().resolve(keyName + ".p12").toString(),
                "-passin", "pass:sedx-sample", "-nocerts", "-nodes", "-out", "key.pem");
        openssl(dgst(digest, "-sign", "key.pem", "-out", "openssl.sig", "manifest.xml"));
        byte[] opensslSignature = Files.readAllBytes(dir.resolve("openssl.sig"));

        entries.put("manifest.sig", opensslSignature);
        VerifiedPackage verified = Packages.verifier().verify(new ByteArrayInputStream(Packages.zip(entries)));

        assertThat(verified.signer()).isEqualTo(SampleKeys.keys().signer(keyName).certificate());
    }

    private static String[] dgst(String digest, String... rest) {
        List<String> command = new ArrayList<>(List.of("openssl", "dgst", digest));
        if (digest.equals("-sm3")) {
            command.addAll(List.of("-sigopt", "distid:1234567812345678"));
        }
        command.addAll(List.of(rest));
        return command.toArray(String[]::new);
    }

    private void openssl(String... arguments) {
        String[] command = arguments[0].equals("openssl") ? arguments : prepend("openssl", arguments);
        ExternalTools.Result result = ExternalTools.run(dir, command);
        assertThat(result.exitCode()).as(String.join(" ", command) + "\n" + result.output()).isZero();
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private Map<String, byte[]> unpack(byte[] zip) throws IOException {
        Map<String, byte[]> entries = Packages.unzip(zip);
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            Files.write(dir.resolve(entry.getKey()), entry.getValue());
        }
        return entries;
    }
}
