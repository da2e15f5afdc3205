package cn.sedx.gateway.signing;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ResourceLoader;

/**
 * Verifies a detached signature: the signer certificate must be issued directly by one of the trust
 * anchors, be valid at the signing time, and carry a key that verifies the signature under the
 * stated profile. Thread-safe.
 *
 * <p>Checks run in this order, each failure with its own code: profile matches the key
 * ({@link ErrorCode#SIGNATURE_INVALID}), chain to a trust anchor ({@link ErrorCode#CERT_UNTRUSTED}),
 * validity at the signing time ({@link ErrorCode#CERT_EXPIRED}, {@link ErrorCode#CERT_NOT_YET_VALID}),
 * the signature itself ({@link ErrorCode#SIGNATURE_INVALID}).
 */
public class SignatureVerifier {

    private static final int REMEMBERED = 512;
    // each thread's verifying engine for each profile: looking one up in the provider and setting SM2's user id cost
    // more than initVerify, which is all a new signature needs
    private static final ThreadLocal<Map<SignatureProfile, Signature>> ENGINES =
            ThreadLocal.withInitial(() -> new EnumMap<>(SignatureProfile.class));

    private final List<X509Certificate> trustAnchors;
    // signer certificates already found issued by an anchor: the check is a signature verification each time
    private final Map<X509Certificate, Boolean> issuedByAnchor = new ConcurrentHashMap<>();

    /** @param trustAnchors the root certificates trusted to issue signer certificates; not empty */
    public SignatureVerifier(Collection<X509Certificate> trustAnchors) {
        this.trustAnchors = List.copyOf(trustAnchors);
        if (this.trustAnchors.isEmpty()) {
            throw new IllegalArgumentException("no trust anchors");
        }
    }

    /**
     * A verifier trusting every certificate of a trust store.
     *
     * @throws SedxException with {@link ErrorCode#SIGNING_KEY_UNAVAILABLE} if the store cannot be read
     */
    public static SignatureVerifier fromTrustStore(SigningSettings.Store trustStore, ResourceLoader resources) {
        return new SignatureVerifier(new KeyStores(resources).trustAnchors(trustStore));
    }

    /** The trust anchors, in trust-store order. */
    public List<X509Certificate> trustAnchors() {
        return trustAnchors;
    }

    /**
     * Verifies {@code signature} over the exact bytes {@code data}.
     *
     * @param signingTime when the signature was made (a manifest's creation time, a receipt's time)
     * @throws SedxException with the code of the first check that fails; never recoverable
     */
    public void verify(SignatureProfile profile, byte[] data, byte[] signature, X509Certificate signer,
            Instant signingTime) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(signingTime, "signingTime");
        if (SignatureProfile.forKey(signer.getPublicKey()) != profile) {
            throw failure(ErrorCode.SIGNATURE_INVALID, "the certificate's key does not fit " + profile.headerValue());
        }
        verifyCertificate(signer, signingTime);
        if (!signatureMatches(profile, data, signature, signer)) {
            throw failure(ErrorCode.SIGNATURE_INVALID, profile.headerValue() + " signature of "
                    + subject(signer) + " does not verify");
        }
    }

    /**
     * Checks that a certificate chains directly to a trust anchor and was valid at {@code time}.
     *
     * @throws SedxException with CERT_UNTRUSTED, CERT_EXPIRED or CERT_NOT_YET_VALID
     */
    public void verifyCertificate(X509Certificate certificate, Instant time) {
        if (certificate.getBasicConstraints() >= 0) {
            // a CA certificate (a trusted root above all) must never pass as a signer
            throw failure(ErrorCode.CERT_UNTRUSTED, subject(certificate) + " is a CA certificate, not a signer's");
        }
        if (!issuedByAnchor.containsKey(certificate)) {
            if (trustAnchors.stream().noneMatch(anchor -> issued(anchor, certificate))) {
                throw failure(ErrorCode.CERT_UNTRUSTED, subject(certificate) + " issued by "
                        + certificate.getIssuerX500Principal().getName() + " is not trusted");
            }
            if (issuedByAnchor.size() >= REMEMBERED) {
                issuedByAnchor.clear();
            }
            issuedByAnchor.put(certificate, Boolean.TRUE);
        }
        try {
            certificate.checkValidity(Date.from(time));
        } catch (CertificateExpiredException e) {
            throw failure(ErrorCode.CERT_EXPIRED, subject(certificate) + " expired "
                    + certificate.getNotAfter().toInstant() + ", before the signing time " + time);
        } catch (CertificateNotYetValidException e) {
            throw failure(ErrorCode.CERT_NOT_YET_VALID, subject(certificate) + " is valid only from "
                    + certificate.getNotBefore().toInstant() + ", after the signing time " + time);
        }
    }

    private static boolean issued(X509Certificate anchor, X509Certificate certificate) {
        if (!anchor.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(anchor.getPublicKey(), Crypto.PROVIDER);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    static boolean signatureMatches(SignatureProfile profile, byte[] data, byte[] signature,
            X509Certificate signer) {
        Map<SignatureProfile, Signature> mine = ENGINES.get();
        try {
            Signature engine = mine.get(profile);
            if (engine == null) {
                engine = Crypto.signature(profile);
                mine.put(profile, engine);
            }
            // initVerify resets the engine, whatever it was left with
            engine.initVerify(signer.getPublicKey());
            engine.update(data);
            return engine.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // malformed DER, wrong length: a bad signature, not an internal error; the next call starts afresh
            mine.remove(profile);
            return false;
        }
    }

    static String subject(X509Certificate certificate) {
        return "certificate '" + certificate.getSubjectX500Principal().getName() + "'";
    }

    private static SedxException failure(ErrorCode code, String detail) {
        return new SedxException(code, detail);
    }
}
