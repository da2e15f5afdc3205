package cn.sedx.gateway.signing.tools;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Writes the sample PKI of {@code certs-sample/}: per algorithm (SM2, RSA-2048, ECDSA P-256) a root
 * CA and signing certificates for the gateway and the provincial and national platforms; SM2 test
 * certificates that are expired, not yet valid, or issued by an untrusted root; and a trust store
 * holding the three roots. SAMPLES ONLY: the password is published.
 *
 * <p>Run: {@code certs-sample/generate.sh} (or with the folder as the only argument).
 */
public final class SamplePki {

    static final String PASSWORD = "sedx-sample";
    static final String ALIAS = "signing";
    private static final String KEYSTORE_TYPE = "PKCS12";
    /** PBKDF2 and MAC iterations of the sample keystores: their password is public, and every start loads ten. */
    private static final String ITERATIONS = "2048";
    private static final String[] PARTIES = {"gateway", "provincial", "national"};

    private final Provider bc = new BouncyCastleProvider();
    private final SecureRandom random = new SecureRandom();
    private final Path folder;
    private final ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).withNano(0);
    private long serial = now.toEpochSecond() * 1000;
    private Issued sm2Root;

    private SamplePki(Path folder) {
        this.folder = folder;
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "certs-sample");
        // the JDK's PKCS#12 (AES-256, HMAC-SHA256), which OpenSSL 3 and BouncyCastle read, with few iterations
        for (String count : new String[] {"certPbe", "keyPbe", "mac"}) {
            System.setProperty("keystore.pkcs12." + count + "IterationCount", ITERATIONS);
        }
        Files.createDirectories(folder);
        // BouncyCastle's AES-encrypted PKCS#12 looks its ciphers up through the provider list
        Security.addProvider(new BouncyCastleProvider());
        new SamplePki(folder).generate();
        System.out.println("Sample PKI written to " + folder.toAbsolutePath());
    }

    private void generate() throws Exception {
        KeyStore trust = KeyStore.getInstance(KEYSTORE_TYPE);
        trust.load(null, null);
        for (Algorithm algorithm : Algorithm.values()) {
            Issued root = root(algorithm, "SEDX Sample " + algorithm.label + " Root CA");
            writePem("root-" + algorithm.suffix + ".pem", root.certificate);
            trust.setCertificateEntry("root-" + algorithm.suffix, root.certificate);
            for (String party : PARTIES) {
                Issued leaf = leaf(algorithm, root, party, now.minusDays(1), now.plusYears(10));
                writeKeyStore(party + "-" + algorithm.suffix, leaf, root);
            }
        }
        Issued smRoot = sm2Root;
        writeKeyStore("test-expired-sm2", leaf(Algorithm.SM2, smRoot, "expired", now.minusYears(3),
                now.minusYears(1)), smRoot);
        writeKeyStore("test-not-yet-valid-sm2", leaf(Algorithm.SM2, smRoot, "not-yet-valid", now.plusYears(1),
                now.plusYears(10)), smRoot);
        Issued untrusted = root(Algorithm.SM2, "SEDX Sample UNTRUSTED SM2 Root CA");
        writePem("untrusted-root-sm2.pem", untrusted.certificate);
        writeKeyStore("test-untrusted-sm2", leaf(Algorithm.SM2, untrusted, "untrusted", now.minusDays(1),
                now.plusYears(10)), untrusted);
        try (OutputStream out = Files.newOutputStream(folder.resolve("truststore.p12"))) {
            trust.store(out, PASSWORD.toCharArray());
        }
    }

    private Issued root(Algorithm algorithm, String commonName) throws Exception {
        KeyPair keys = algorithm.generate(bc, random);
        X500Name name = name(commonName);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, nextSerial(),
                date(now.minusYears(5)), date(now.plusYears(15)), name, keys.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                extensions.createSubjectKeyIdentifier(keys.getPublic()));
        Issued root = new Issued(keys, sign(builder, algorithm, keys));
        if (algorithm == Algorithm.SM2 && sm2Root == null) {
            sm2Root = root;
        }
        return root;
    }

    private Issued leaf(Algorithm algorithm, Issued issuer, String party, ZonedDateTime from, ZonedDateTime to)
            throws Exception {
        KeyPair keys = algorithm.generate(bc, random);
        X500Name subject = name("SEDX Sample " + party + " " + algorithm.label + " Signing");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.certificate, nextSerial(),
                date(from), date(to), subject, keys.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                extensions.createSubjectKeyIdentifier(keys.getPublic()));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                extensions.createAuthorityKeyIdentifier(issuer.certificate));
        return new Issued(keys, sign(builder, algorithm, issuer.keys));
    }

    private X509Certificate sign(X509v3CertificateBuilder builder, Algorithm algorithm, KeyPair issuer)
            throws Exception {
        ContentSigner signer = new JcaContentSignerBuilder(algorithm.certificateSignature).setProvider(bc)
                .build(issuer.getPrivate());
        return new JcaX509CertificateConverter().setProvider(bc).getCertificate(builder.build(signer));
    }

    private void writeKeyStore(String name, Issued leaf, Issued root) throws Exception {
        KeyStore store = KeyStore.getInstance(KEYSTORE_TYPE);
        store.load(null, null);
        store.setKeyEntry(ALIAS, leaf.keys.getPrivate(), PASSWORD.toCharArray(),
                new Certificate[] {leaf.certificate, root.certificate});
        try (OutputStream out = Files.newOutputStream(folder.resolve(name + ".p12"))) {
            store.store(out, PASSWORD.toCharArray());
        }
        writePem(name + ".pem", leaf.certificate);
    }

    private void writePem(String fileName, X509Certificate certificate) throws IOException {
        try (Writer out = Files.newBufferedWriter(folder.resolve(fileName), StandardCharsets.US_ASCII);
                JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(certificate);
        }
    }

    private static X500Name name(String commonName) {
        return new X500Name("C=CN, O=SEDX Sample PKI - SAMPLES ONLY, CN=" + commonName);
    }

    private BigInteger nextSerial() {
        return BigInteger.valueOf(++serial);
    }

    private static Date date(ZonedDateTime time) {
        return Date.from(Instant.from(time));
    }

    private record Issued(KeyPair keys, X509Certificate certificate) {}

    private enum Algorithm {
        SM2("sm2", "SM2", "SM3withSM2"),
        RSA("rsa", "RSA-2048", "SHA256withRSA"),
        ECDSA("ecdsa", "ECDSA P-256", "SHA256withECDSA");

        final String suffix;
        final String label;
        final String certificateSignature;

        Algorithm(String suffix, String label, String certificateSignature) {
            this.suffix = suffix;
            this.label = label;
            this.certificateSignature = certificateSignature;
        }

        KeyPair generate(Provider bc, SecureRandom random) throws GeneralSecurityException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(this == RSA ? "RSA" : "EC", bc);
            if (this == RSA) {
                generator.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), random);
            } else {
                generator.initialize(new ECGenParameterSpec(this == SM2 ? "sm2p256v1" : "secp256r1"), random);
            }
            return generator.generateKeyPair();
        }
    }
}
