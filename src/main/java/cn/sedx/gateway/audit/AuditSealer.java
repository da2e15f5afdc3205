package cn.sedx.gateway.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seals appended audit entries into the SM3 chain, in the order it seals them. The chain head row is locked
 * for the duration, so in a cluster one node at a time extends the chain and no entry is chained twice. The seals
 * of one run go to the database as one JDBC batch.
 */
@Component("auditSealer")
public class AuditSealer {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public AuditSealer(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Seals up to {@code max} unsealed entries; returns how many it sealed. */
    @Transactional
    public int seal(int max) {
        Head head = jdbc.sql("SELECT seq, digest FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();
        List<Unsealed> entries = jdbc.sql("SELECT id, recorded_at, actor, action, message_id, detail FROM audit_entry"
                        + " WHERE seq IS NULL ORDER BY id FETCH FIRST ? ROWS ONLY")
                .param(max)
                .query((rs, n) -> new Unsealed(rs.getLong(1), rs.getTimestamp(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();
        if (entries.isEmpty()) {
            return 0;
        }
        long seq = head.seq();
        String digest = head.digest();
        List<Object[]> seals = new ArrayList<>(entries.size());
        for (Unsealed entry : entries) {
            seq++;
            String next = AuditDigest.of(digest, seq, entry.recordedAt().toInstant(), entry.actor(), entry.action(),
                    entry.messageId(), entry.detail());
            seals.add(new Object[] {seq, digest, next, entry.id()});
            digest = next;
        }
        batch.batchUpdate("UPDATE audit_entry SET seq = ?, prev_digest = ?, digest = ? WHERE id = ?", seals);
        jdbc.sql("UPDATE audit_chain_head SET seq = ?, digest = ? WHERE id = 1").params(seq, digest).update();
        return entries.size();
    }

    private record Head(long seq, String digest) {}

    private record Unsealed(long id, Timestamp recordedAt, String actor, String action, String messageId,
            String detail) {}
}
