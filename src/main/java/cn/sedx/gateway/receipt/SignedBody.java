package cn.sedx.gateway.receipt;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.signing.Certificates;
import cn.sedx.gateway.signing.SignatureProfile;
import cn.sedx.gateway.signing.SignatureVerifier;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;

/**
 * Checks a body signed with the gateway's header convention: {@code X-Signature-Algorithm},
 * {@code X-Signature} (base64) and {@code X-Signer-Cert} (base64 DER) over the exact body bytes.
 */
final class SignedBody {

    public static final String SIGNATURE_ALGORITHM = "X-Signature-Algorithm";
    public static final String SIGNATURE = "X-Signature";
    public static final String SIGNER_CERT = "X-Signer-Cert";

    private SignedBody() {}

    /**
     * Verifies the signature headers over {@code body} at {@code signingTime}.
     *
     * @return the signer's certificate, trusted and valid at that time
     * @throws SedxException {@code failure} when a header is missing or malformed, else the verifier's code
     */
    public static X509Certificate verify(SignatureVerifier verifier, String algorithm, String signature,
            String certificate, byte[] body, Instant signingTime, ErrorCode failure) {
        if (algorithm == null || signature == null || certificate == null) {
            throw new SedxException(failure, "unsigned: " + SIGNATURE_ALGORITHM + ", " + SIGNATURE + " and "
                    + SIGNER_CERT + " are required");
        }
        X509Certificate signer;
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getDecoder().decode(signature.trim());
            signer = Certificates.fromBase64(certificate);
        } catch (IllegalArgumentException | SedxException e) {
            throw new SedxException(failure, "malformed signature or certificate header");
        }
        verifier.verify(SignatureProfile.fromHeader(algorithm), body, signatureBytes, signer, signingTime);
        return signer;
    }
}
