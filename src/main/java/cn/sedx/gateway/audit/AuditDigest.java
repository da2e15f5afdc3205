package cn.sedx.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;

/** The SM3 digest that links an audit entry to the one before it. */
final class AuditDigest {

    private AuditDigest() {}

    /**
     * SM3 over the previous digest and every field of the entry, each on its own line (nulls as empty), so
     * changing any field, the order, or removing an entry breaks every digest after it.
     */
    static String of(String previous, long seq, Instant recordedAt, String actor, String action, String messageId,
            String detail) {
        String canonical = String.join("\n", previous, Long.toString(seq), recordedAt.toString(), actor, action,
                messageId == null ? "" : messageId, detail == null ? "" : detail);
        byte[] input = canonical.getBytes(StandardCharsets.UTF_8);
        SM3Digest sm3 = new SM3Digest();
        sm3.update(input, 0, input.length);
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
