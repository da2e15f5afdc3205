package cn.sedx.gateway.audit;

import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.signing.SignatureProfile;
import cn.sedx.gateway.signing.SignatureVerifier;
import cn.sedx.gateway.signing.Signer;
import cn.sedx.gateway.signing.SigningKeys;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signs the audit chain's head with the gateway's key (daily, from the {@code audit-sign-head} route) and
 * checks such signatures: a signed head pins every entry up to it, so rewriting the whole chain after the
 * fact is caught too.
 */
@Component("auditHeadSignatures")
public class HeadSignatures {

    private final JdbcClient jdbc;
    private final SigningKeys keys;
    private final SignatureVerifier verifier;
    private final Clock clock;
    private final String keyName;

    public HeadSignatures(JdbcClient jdbc, SigningKeys keys, SignatureVerifier verifier, Clock clock,
            AuditSettings settings) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.verifier = verifier;
        this.clock = clock;
        this.keyName = settings.signingKey();
    }

    /** A signed head: the chain position, its digest and the gateway's signature over both. */
    public record SignedHead(long seq, String digest, Instant signedAt, String algorithm, String signature,
            String certificate) {}

    /** Signs the current head, unless nothing has been sealed yet. Returns the chain position signed, or 0. */
    public long signHead() {
        var head = jdbc.sql("SELECT seq, digest FROM audit_chain_head WHERE id = 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        long seq = (Long) head[0];
        if (seq == 0) {
            return 0;
        }
        Signer signer = keys.signer(keyName);
        byte[] signature = signer.sign(signedBytes(seq, (String) head[1]));
        try {
            jdbc.sql("INSERT INTO audit_head_signature (signed_at, seq, digest, algorithm, signature, certificate)"
                            + " VALUES (?,?,?,?,?,?)")
                    .params(Timestamp.from(clock.instant()), seq, head[1], signer.profile().headerValue(),
                            Base64.getEncoder().encodeToString(signature),
                            Base64.getEncoder().encodeToString(signer.certificate().getEncoded()))
                    .update();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("the gateway certificate cannot be encoded", e);
        }
        return seq;
    }

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
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(head.certificate())));
            verifier.verify(SignatureProfile.fromHeader(head.algorithm()), signedBytes(head.seq(), head.digest()),
                    Base64.getDecoder().decode(head.signature()), certificate, head.signedAt());
            return null;
        } catch (CertificateException | SedxException e) {
            return "signed head " + head.seq() + " does not verify: " + e.getMessage();
        }
    }

    private static byte[] signedBytes(long seq, String digest) {
        return ("sedx-audit-head\n" + seq + "\n" + digest).getBytes(StandardCharsets.UTF_8);
    }
}
