package cn.sedx.gateway.audit;

import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.signing.Certificates;
import cn.sedx.gateway.signing.SignatureProfile;
import cn.sedx.gateway.signing.SignatureVerifier;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the signed audit-chain heads and checks each against the chain and the trust store. */
@Component
class SignedHeads {

    private final JdbcClient jdbc;
    private final SignatureVerifier verifier;

    public SignedHeads(JdbcClient jdbc, SignatureVerifier verifier) {
        this.jdbc = jdbc;
        this.verifier = verifier;
    }

    /** A signed head: the chain position, its digest and the gateway's signature over both. */
    public record SignedHead(long seq, String digest, Instant signedAt, String algorithm, String signature,
            String certificate) {}

    List<SignedHead> all() {
        return jdbc.sql("SELECT seq, digest, signed_at, algorithm, signature, certificate FROM audit_head_signature"
                        + " ORDER BY id")
                .query((rs, n) -> new SignedHead(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    /** Null when the signed head matches the chain and its signature verifies; else what is wrong. */
    String check(SignedHead head, String chainDigest) {
        if (!head.digest().equals(chainDigest)) {
            return "signed head " + head.seq() + " no longer matches the chain";
        }
        try {
            X509Certificate certificate = Certificates.parse(Base64.getDecoder().decode(head.certificate()));
            byte[] signed = HeadSignatures.signedBytes(head.seq(), head.digest());
            verifier.verify(SignatureProfile.fromHeader(head.algorithm()), signed,
                    Base64.getDecoder().decode(head.signature()), certificate, head.signedAt());
            return null;
        } catch (SedxException e) {
            return "signed head " + head.seq() + " does not verify: " + e.getMessage();
        }
    }
}
