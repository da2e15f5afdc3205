package cn.sedx.gateway.audit;

import cn.sedx.gateway.signing.Signer;
import cn.sedx.gateway.signing.SigningKeys;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signs the audit chain's head with the gateway's key (daily, from the {@code audit-sign-head} route). A signed
 * head pins every entry up to it, so rewriting the whole chain after the fact is caught too ({@link SignedHeads}).
 */
@Component("auditHeadSignatures")
public class HeadSignatures {

    private final JdbcClient jdbc;
    private final SigningKeys keys;
    private final Clock clock;
    private final String keyName;

    public HeadSignatures(JdbcClient jdbc, SigningKeys keys, Clock clock,
            AuditSettings settings) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
        this.keyName = settings.signingKey();
    }

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

    static byte[] signedBytes(long seq, String digest) {
        return ("sedx-audit-head\n" + seq + "\n" + digest).getBytes(StandardCharsets.UTF_8);
    }
}
