package cn.sedx.gateway.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Walks the sealed audit chain in order, recomputing every digest, and checks each signed head against the
 * chain. Streams the entries, so memory does not grow with the trail. Reports the first break it finds.
 */
@Component
public class AuditVerifier {

    private final JdbcTemplate jdbc;
    private final SignedHeads heads;

    public AuditVerifier(JdbcTemplate jdbc, SignedHeads heads) {
        this.jdbc = jdbc;
        this.heads = heads;
    }

    public AuditReport verify() {
        Walk walk = new Walk();
        jdbc.setFetchSize(1000);
        jdbc.query("SELECT seq, recorded_at, actor, action, message_id, detail, prev_digest, digest FROM audit_entry"
                + " WHERE seq IS NOT NULL ORDER BY seq", walk);
        if (walk.brokenSeq != null) {
            return new AuditReport(false, walk.checked, 0, walk.brokenSeq, walk.problem);
        }
        List<SignedHeads.SignedHead> signed = heads.all();
        for (SignedHeads.SignedHead head : signed) {
            String problem = heads.check(head, digestAt(head.seq()));
            if (problem != null) {
                return new AuditReport(false, walk.checked, signed.size(), head.seq(), problem);
            }
        }
        return new AuditReport(true, walk.checked, signed.size(), null, null);
    }

    private String digestAt(long seq) {
        List<String> digests = jdbc.queryForList("SELECT digest FROM audit_entry WHERE seq = ?", String.class, seq);
        return digests.isEmpty() ? null : digests.get(0);
    }

    private static final class Walk implements RowCallbackHandler {
        private String previous = "0".repeat(64);
        private long expectedSeq = 1;
        private long checked;
        private Long brokenSeq;
        private String problem;

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            if (brokenSeq != null) {
                return;
            }
            long seq = rs.getLong(1);
            String recomputed = AuditDigest.of(previous, seq, rs.getTimestamp(2).toInstant(), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6));
            if (seq != expectedSeq) {
                fail(expectedSeq, "entry " + expectedSeq + " is missing");
            } else if (!previous.equals(rs.getString(7))) {
                fail(seq, "entry " + seq + " does not link to the entry before it");
            } else if (!recomputed.equals(rs.getString(8))) {
                fail(seq, "entry " + seq + " was changed after it was sealed");
            }
            previous = rs.getString(8);
            expectedSeq = seq + 1;
            checked++;
        }

        private void fail(long seq, String what) {
            brokenSeq = seq;
            problem = what;
        }
    }
}
