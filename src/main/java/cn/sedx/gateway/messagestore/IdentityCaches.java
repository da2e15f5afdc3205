package cn.sedx.gateway.messagestore;

import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Migration V182: on H2, the identity columns of the three tables that take rows on every filing reserve
 * {@value #CACHE} ids at a time instead of H2's 32. H2 records each reserved block with a commit of its own, and with
 * {@code WRITE_DELAY=0} every commit writes a chunk of all the pages changed since the last one: at 300 filings/s
 * (four history rows and four audit entries each) that was an extra chunk every 32 rows of each table, 6.7 % of the
 * gateway's CPU in the delivery benchmark (issue 11, docs/benchmarks.md). H2 records a block before it hands out its
 * first id, so a crash leaves a gap of at most {@value #CACHE} in these ids and never a repeat; nothing reads them as
 * dense (the audit chain numbers its entries by {@code seq}). PostgreSQL writes sequence values with the
 * transaction's own commit, so there nothing changes. The audit trail's {@code audit_entry} is the audit module's
 * table; the store's migrations are the schema's, as the SQL ones are.
 */
@Component
public class IdentityCaches extends StoreMigration {

    /** Ids reserved at a time: about one block a second per table at 300 filings/s. */
    static final int CACHE = 1024;

    /** The tables whose {@code id} column this migration changes. */
    static final List<String> TABLES = List.of("message_state", "delivery_attempt", "audit_entry");

    public IdentityCaches() {
        super("182", "identity caches on H2");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        // setting a cache again is harmless: after a crash between two statements all three run again
        onH2Only(context, TABLES.stream().map(table -> "ALTER TABLE " + table + " ALTER COLUMN id SET CACHE " + CACHE)
                .toList());
    }
}
