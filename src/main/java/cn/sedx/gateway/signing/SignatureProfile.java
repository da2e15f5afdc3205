package cn.sedx.gateway.signing;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import java.security.PublicKey;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * The signature profiles the gateway signs and verifies with. Each names the value of the
 * {@code X-Signature-Algorithm} header and of the manifest's {@code signatureAlgorithm}, the JCA
 * signature algorithm and the digest used for exchange-package entries.
 */
public enum SignatureProfile {
    /** SM2 with SM3 per GM/T 0009, default user ID {@code 1234567812345678}, DER {@code SEQUENCE{r,s}}. */
    SM2_SM3("SM2-SM3", "SM3withSM2", "SM3"),
    /** RSASSA-PKCS1-v1_5 with SHA-256. */
    RSA_SHA256("RSA-SHA256", "SHA256withRSA", "SHA-256"),
    /** ECDSA on NIST P-256 with SHA-256, DER {@code SEQUENCE{r,s}}. */
    ECDSA_P256_SHA256("ECDSA-P256-SHA256", "SHA256withECDSA", "SHA-256");

    private final String headerValue;
    private final String jcaAlgorithm;
    private final String digestAlgorithm;

    SignatureProfile(String headerValue, String jcaAlgorithm, String digestAlgorithm) {
        this.headerValue = headerValue;
        this.jcaAlgorithm = jcaAlgorithm;
        this.digestAlgorithm = digestAlgorithm;
    }

    /** The wire name, e.g. {@code SM2-SM3}, as sent in {@code X-Signature-Algorithm}. */
    public String headerValue() {
        return headerValue;
    }

    /** The digest for manifest entries: {@code SM3} or {@code SHA-256} (also the manifest's algorithm name). */
    public String digestAlgorithm() {
        return digestAlgorithm;
    }

    String jcaAlgorithm() {
        return jcaAlgorithm;
    }

    /**
     * The profile named by a header value (exact, case-sensitive).
     *
     * @throws SedxException with {@link ErrorCode#SIGNATURE_INVALID} for a null or unknown value
     */
    public static SignatureProfile fromHeader(String value) {
        return Arrays.stream(values())
                .filter(p -> p.headerValue.equals(value))
                .findFirst()
                .orElseThrow(() -> new SedxException(ErrorCode.SIGNATURE_INVALID,
                        "unknown signature algorithm '" + value + "'"));
    }

    /**
     * The profile a public key can be used with: SM2 curve → SM2-SM3, RSA → RSA-SHA256, P-256 → ECDSA.
     *
     * @throws SedxException with {@link ErrorCode#SIGNATURE_INVALID} for any other key
     */
    public static SignatureProfile forKey(PublicKey key) {
        AlgorithmIdentifier algorithm = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getAlgorithm();
        if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm.getAlgorithm())) {
            return RSA_SHA256;
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())
                && algorithm.getParameters() instanceof ASN1ObjectIdentifier curve) {
            if (GMObjectIdentifiers.sm2p256v1.equals(curve)) {
                return SM2_SM3;
            }
            if (SECObjectIdentifiers.secp256r1.equals(curve)) {
                return ECDSA_P256_SHA256;
            }
        }
        throw new SedxException(ErrorCode.SIGNATURE_INVALID, "no signature profile for a " + key.getAlgorithm()
                + " key with parameters " + algorithm.getParameters());
    }
}
