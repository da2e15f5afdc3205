package cn.sedx.gateway.intake.batch;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The batch inbox's read lock across nodes (Camel's {@code readLock=idempotent} in {@code routes/batch.camel.yaml}):
 * a node reads a file only once it holds the file's row in {@code batch_file_claim}, which an atomic conditional
 * INSERT (or, once the last holder's lease ended, a guarded UPDATE) gives to one node at a time. Camel removes the
 * claim after the file was moved (a little later, so that a node whose scan listed the file before the move does
 * not take it again) or when the read failed. While a node lives it {@link #renew renews} its claims (the
 * {@code batch-claims-renew} route), so only a dead node's claims run out.
 */
@Component("batchFileClaims")
class BatchFileClaims extends ServiceSupport implements IdempotentRepository {

    private final JdbcClient jdbc;
    private final BatchClaimSettings settings;
    private final Clock clock;
    private final String node;

    @Autowired
    BatchFileClaims(JdbcClient jdbc, BatchClaimSettings settings, Clock clock) {
        this(jdbc, settings, clock, ManagementFactory.getRuntimeMXBean().getName());
    }

    /** @param node this node's name in its claims (the JVM's {@code pid@host}) */
    BatchFileClaims(JdbcClient jdbc, BatchClaimSettings settings, Clock clock, String node) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.node = node;
    }

    /** Claims the file for this node; false when another live claim holds it. */
    @Override
    public boolean add(String key) {
        Instant now = clock.instant();
        Timestamp until = Timestamp.from(now.plus(settings.lease()));
        int inserted = jdbc.sql("INSERT INTO batch_file_claim (file_key, node, claimed_until) VALUES (?,?,?)"
                        + " ON CONFLICT DO NOTHING")
                .params(key, node, until).update();
        if (inserted == 1) {
            return true;
        }
        return jdbc.sql("UPDATE batch_file_claim SET node = ?, claimed_until = ? WHERE file_key = ?"
                        + " AND claimed_until < ?")
                .params(node, until, key, Timestamp.from(now)).update() == 1;
    }

    /**
     * Extends this node's claims on the files still in the inbox by a lease from now, and gives up the claims whose
     * file is gone: a removal after the move that failed (the database down at that moment) would otherwise be
     * renewed for as long as this node lives, and a file dropped again under the same name (later than the next
     * renewal) never read. The keys
     * are the files' absolute paths (Camel's idempotent read lock). How many it renewed.
     */
    public int renew() {
        Timestamp until = Timestamp.from(clock.instant().plus(settings.lease()));
        int renewed = 0;
        for (String key : jdbc.sql("SELECT file_key FROM batch_file_claim WHERE node = ?").param(node)
                .query(String.class).list()) {
            if (Files.exists(Path.of(key))) {
                renewed += jdbc.sql("UPDATE batch_file_claim SET claimed_until = ? WHERE file_key = ? AND node = ?")
                        .params(until, key, node).update();
            } else {
                remove(key);
            }
        }
        return renewed;
    }

    @Override
    public boolean contains(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM batch_file_claim WHERE file_key = ? AND claimed_until >= ?")
                .params(key, Timestamp.from(clock.instant())).query(Long.class).single() > 0;
    }

    /** Gives the file up (this node's claim only). */
    @Override
    public boolean remove(String key) {
        return jdbc.sql("DELETE FROM batch_file_claim WHERE file_key = ? AND node = ?").params(key, node)
                .update() == 1;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    /** Gives up every claim of this node. */
    @Override
    public void clear() {
        jdbc.sql("DELETE FROM batch_file_claim WHERE node = ?").param(node).update();
    }
}
