package cn.sedx.gateway.signing;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads certificates of every profile, SM2 included (the JDK's own factory does not know the SM2 curve).
 * Thread-safe: each parse uses a factory of its own (a BouncyCastle factory keeps state between calls).
 */
public final class Certificates {

    // platforms send the same certificate with every receipt: the last few hundred are kept parsed
    private static final int REMEMBERED = 512;
    private static final Map<String, X509Certificate> BY_HEADER = new ConcurrentHashMap<>();

    private Certificates() {}

    /**
     * Parses a certificate as signature headers carry it: base64 of the DER encoding.
     *
     * @throws SedxException CERT_UNTRUSTED when the text is not base64 of a certificate
     */
    public static X509Certificate fromBase64(String base64) {
        X509Certificate known = BY_HEADER.get(base64);
        if (known != null) {
            return known;
        }
        X509Certificate parsed;
        try {
            parsed = parse(Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            throw SedxException.because(ErrorCode.CERT_UNTRUSTED, "certificate is not base64", e);
        }
        if (BY_HEADER.size() >= REMEMBERED) {
            BY_HEADER.clear();
        }
        BY_HEADER.put(base64, parsed);
        return parsed;
    }

    /**
     * Parses one DER-encoded X.509 certificate.
     *
     * @throws SedxException CERT_UNTRUSTED when the bytes are not a certificate
     */
    public static X509Certificate parse(byte[] der) {
        try {
            return Crypto.certificate(der);
        } catch (CertificateException | RuntimeException e) {
            throw SedxException.because(ErrorCode.CERT_UNTRUSTED, "not an X.509 certificate", e);
        }
    }
}
