package cn.sedx.gateway.signing;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

/**
 * Signs bytes with one private key under one profile. Thread-safe: each thread uses its own engine.
 * Obtain from {@link SigningKeys#signer(String)}; {@code toString()} never shows the key.
 */
public final class Signer {

    private final SignatureProfile profile;
    private final PrivateKey key;
    private final X509Certificate certificate;
    // read once: BouncyCastle's certificate parses its validity dates again at every getNotAfter() (a new
    // SimpleDateFormat each time), and SigningKeys checks them before every delivery
    private final Instant notBefore;
    private final Instant notAfter;
    // a JCA engine is not thread-safe and costly to set up (an SM2 engine derives the public key and Z_A from the
    // private key when initialised: a scalar multiplication), so each thread keeps its own, initialised once; after
    // sign() an engine is back in its initialised state
    private final ThreadLocal<Signature> engines;

    /**
     * @param key the private key matching {@code certificate}; not null
     * @param certificate the signing certificate; its public key decides the profile
     */
    public Signer(PrivateKey key, X509Certificate certificate) {
        this.key = Objects.requireNonNull(key, "key");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.profile = SignatureProfile.forKey(certificate.getPublicKey());
        this.notBefore = certificate.getNotBefore().toInstant();
        this.notAfter = certificate.getNotAfter().toInstant();
        this.engines = ThreadLocal.withInitial(this::newEngine);
    }

    public SignatureProfile profile() {
        return profile;
    }

    /** The certificate to send with the signature (as {@code X-Signer-Cert} or {@code signer.cer}). */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The start of the certificate's validity. */
    public Instant notBefore() {
        return notBefore;
    }

    /** The end of the certificate's validity. */
    public Instant notAfter() {
        return notAfter;
    }

    /** For signature formats that drive the JCA themselves (XML-DSig); never leaves this package. */
    PrivateKey privateKey() {
        return key;
    }

    /**
     * Signs the exact bytes given.
     *
     * @return the signature: DER {@code SEQUENCE{r,s}} for SM2 and ECDSA, PKCS#1 v1.5 for RSA
     * @throws SedxException with {@link ErrorCode#SIGNING_KEY_UNAVAILABLE} if the provider refuses the key
     */
    public byte[] sign(byte[] data) {
        try {
            Signature signature = engines.get();
            signature.update(data);
            return signature.sign();
        } catch (SedxException e) {
            throw e;
        } catch (GeneralSecurityException | RuntimeException e) {
            // the engine may be left half-way: the next call on this thread starts from a fresh one
            engines.remove();
            throw SedxException.because(ErrorCode.SIGNING_KEY_UNAVAILABLE,
                    "signing with " + profile.headerValue() + " failed: " + e.getMessage(), e);
        }
    }

    private Signature newEngine() {
        try {
            Signature signature = Crypto.signature(profile);
            signature.initSign(key);
            return signature;
        } catch (GeneralSecurityException e) {
            throw SedxException.because(ErrorCode.SIGNING_KEY_UNAVAILABLE,
                    "no " + profile.headerValue() + " engine: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "Signer[" + profile.headerValue() + ", " + certificate.getSubjectX500Principal().getName() + "]";
    }
}
