package cn.sedx.gateway.signing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one BouncyCastle provider instance the signing feature uses, passed explicitly to every JCA
 * call so the JVM-wide provider list is left alone.
 */
final class Crypto {

    /** GM/T 0009 default signer identity, used for Z_A in SM2 signatures. */
    static final byte[] SM2_DEFAULT_USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

    static final Provider PROVIDER = new BouncyCastleProvider();

    private Crypto() {}

    /** A fresh (not thread-safe) signature engine for a profile, with the SM2 user ID set where it applies. */
    static Signature signature(SignatureProfile profile) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(profile.jcaAlgorithm(), PROVIDER);
        if (profile == SignatureProfile.SM2_SM3) {
            signature.setParameter(new SM2ParameterSpec(SM2_DEFAULT_USER_ID));
        }
        return signature;
    }

    /** SM3 from BouncyCastle; SHA-256 from the JDK, whose intrinsics make it about ten times faster. */
    static MessageDigest digest(String algorithm) {
        try {
            return "SM3".equals(algorithm) ? MessageDigest.getInstance(algorithm, PROVIDER)
                    : MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no provider for " + algorithm, e);
        }
    }

    static CertificateFactory certificateFactory() {
        try {
            return CertificateFactory.getInstance("X.509", PROVIDER);
        } catch (CertificateException e) {
            throw new IllegalStateException("BouncyCastle lacks X.509", e);
        }
    }

    /** Parses one DER (or PEM) certificate. */
    static X509Certificate certificate(byte[] encoded) throws CertificateException {
        return (X509Certificate) certificateFactory().generateCertificate(new ByteArrayInputStream(encoded));
    }
}
