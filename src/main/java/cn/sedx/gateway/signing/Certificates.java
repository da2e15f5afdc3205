package cn.sedx.gateway.signing;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/** Reads certificates of every profile, SM2 included (the JDK's own factory does not know the SM2 curve). */
public final class Certificates {

    private Certificates() {}

    /**
     * Parses one DER-encoded X.509 certificate.
     *
     * @throws SedxException CERT_UNTRUSTED when the bytes are not a certificate
     */
    public static X509Certificate parse(byte[] der) {
        try {
            return Crypto.certificate(der);
        } catch (CertificateException | RuntimeException e) {
            throw new SedxException(ErrorCode.CERT_UNTRUSTED, null, false, "not an X.509 certificate", e);
        }
    }
}
