package cn.sedx.gateway.support;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away TLS PKI for tests, made fresh on each run: a CA, a server certificate for 127.0.0.1 and
 * localhost, and client certificates, as PKCS#12 files in a temporary folder.
 */
public final class TlsMaterial {

    public static final char[] PASSWORD = "test-only".toCharArray();

    private final Path folder;
    private final KeyPair caKeys;
    private final X509Certificate ca;

    public TlsMaterial() throws Exception {
        this.folder = Files.createTempDirectory("sedx-tls");
        this.caKeys = keys();
        this.ca = certificate("CN=SEDX test TLS CA", caKeys, "CN=SEDX test TLS CA", caKeys, true, false);
    }

    /** Writes a PKCS#12 key store holding a key and a certificate issued by the test CA; returns its path. */
    public Path keyStore(String name, String subject, boolean server) throws Exception {
        KeyPair keys = keys();
        X509Certificate certificate = certificate(subject, keys, "CN=SEDX test TLS CA", caKeys, false, server);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("tls", keys.getPrivate(), PASSWORD, new Certificate[] {certificate, ca});
        return write(name, store);
    }

    /** Writes a PKCS#12 trust store holding the test CA; returns its path. */
    public Path trustStore() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", ca);
        return write("trust", store);
    }

    /** An SSL context presenting the key in {@code keyStore} (or none) and trusting the test CA. */
    public SSLContext clientContext(Path keyStore) throws Exception {
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        if (keyStore != null) {
            try (var in = Files.newInputStream(keyStore)) {
                keys.load(in, PASSWORD);
            }
        } else {
            keys.load(null, null);
        }
        keyManagers.init(keys, PASSWORD);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(trustStore())) {
            anchors.load(in, PASSWORD);
        }
        trust.init(anchors);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), new SecureRandom());
        return context;
    }

    /** The DER of the leaf certificate in a key store written by {@link #keyStore}. */
    public static byte[] leafDer(Path keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD);
        }
        return store.getCertificate("tls").getEncoded();
    }

    private Path write(String name, KeyStore store) throws Exception {
        Path path = folder.resolve(name + ".p12");
        try (OutputStream out = Files.newOutputStream(path)) {
            store.store(out, PASSWORD);
        }
        return path;
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, KeyPair keys, String issuer, KeyPair issuerKeys,
            boolean authority, boolean server) throws Exception {
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))),
                new X500Name(subject), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
        if (server) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
        }
        var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }
}
