package cn.sedx.gateway.messagestore;

import cn.sedx.gateway.shared.MessageType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads many stored messages with their payloads in key order ({@code received_at, id}), a page at a time, so a
 * reader of millions of rows holds at most one page in memory. Messages that were dead-lettered (FAILED) are
 * still accepted filings and are included; callers filter by state when they must.
 */
@Repository
public class MessageScan {

    private static final String COLUMNS = "id, unit_uscc, region_code, state, previous_message_id, received_at,"
            + " (SELECT payload FROM message_payload p WHERE p.message_id = message.id) AS payload";

    // key ranges written so the index range is a plain condition on received_at (an OR alone defeats it)
    private static final String AFTER = " AND received_at >= ? AND (received_at > ? OR id > ?)";
    private static final String UP_TO = " AND received_at <= ? AND (received_at < ? OR id <= ?)";

    private final JdbcClient jdbc;
    private final PayloadCipher cipher;

    /** @param cipher opens every payload read (encryption at rest) */
    public MessageScan(JdbcClient jdbc, PayloadCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /**
     * One stored message with its payload. The payload is opened (decrypted) by {@link #payload()}, on the thread
     * that asks for it, so a reader that hands rows to other threads spreads the decryption over them.
     */
    public static final class Scanned {

        private final ScanKey key;
        private final String id;
        private final String unitUscc;
        private final String regionCode;
        private final MessageState state;
        private final String previousMessageId;
        private final byte[] stored;
        private final PayloadCipher cipher;

        /** A row whose payload is already clear (tests, callers that built it themselves). */
        public Scanned(ScanKey key, String id, String unitUscc, String regionCode, MessageState state,
                String previousMessageId, byte[] payload) {
            this(key, id, unitUscc, regionCode, state, previousMessageId, payload, PayloadCipher.off());
        }

        private Scanned(ScanKey key, String id, String unitUscc, String regionCode, MessageState state,
                String previousMessageId, byte[] stored, PayloadCipher cipher) {
            this.key = key;
            this.id = id;
            this.unitUscc = unitUscc;
            this.regionCode = regionCode;
            this.state = state;
            this.previousMessageId = previousMessageId;
            this.stored = stored;
            this.cipher = cipher;
        }

        /** Its position in key order. */
        public ScanKey key() {
            return key;
        }

        public String id() {
            return id;
        }

        public String unitUscc() {
            return unitUscc;
        }

        public String regionCode() {
            return regionCode;
        }

        public MessageState state() {
            return state;
        }

        public String previousMessageId() {
            return previousMessageId;
        }

        /**
         * The clear payload, opened anew on each call.
         *
         * @throws IllegalStateException when it does not open (its key is not configured, or it was altered)
         */
        public byte[] payload() {
            return cipher.open(id, stored);
        }
    }

    /**
     * A position in key order: messages after {@code (receivedAt, id)}. {@link #START} precedes every message.
     */
    public record ScanKey(Instant receivedAt, String id) implements Comparable<ScanKey> {

        public static final ScanKey START = new ScanKey(Instant.EPOCH, "");

        @Override
        public int compareTo(ScanKey other) {
            int byTime = receivedAt.compareTo(other.receivedAt);
            return byTime != 0 ? byTime : id.compareTo(other.id);
        }
    }

    /**
     * Hands every message of {@code type} strictly after {@code after} and at or before {@code upTo}, whose
     * region code starts with {@code regionPrefix} (every region when empty), to {@code reader} in key order.
     *
     * @param upTo     the last key to include, or null for no upper bound
     * @param pageSize rows read per query
     */
    public void forEach(MessageType type, String regionPrefix, ScanKey after, ScanKey upTo, int pageSize,
            Consumer<Scanned> reader) {
        forEachPage(type, regionPrefix, after, upTo, pageSize, page -> page.forEach(reader));
    }

    /** As {@link #forEach}, a page (in key order, never empty) at a time. */
    public void forEachPage(MessageType type, String regionPrefix, ScanKey after, ScanKey upTo, int pageSize,
            Consumer<List<Scanned>> reader) {
        ScanKey position = after;
        while (true) {
            List<Scanned> page = page(type, regionPrefix, position, upTo, pageSize);
            if (!page.isEmpty()) {
                reader.accept(page);
            }
            if (page.size() < pageSize) {
                return;
            }
            position = page.get(page.size() - 1).key();
        }
    }

    /** The key of the newest message of {@code type} received at or before {@code notAfter}, or null if none. */
    public ScanKey lastKey(MessageType type, Instant notAfter) {
        return jdbc.sql("SELECT received_at, id FROM message WHERE type = ? AND received_at <= ?"
                        + " ORDER BY type DESC, received_at DESC, id DESC FETCH FIRST 1 ROWS ONLY")
                .params(type.name(), Timestamp.from(notAfter))
                .query((rs, n) -> new ScanKey(rs.getTimestamp(1).toInstant(), rs.getString(2)))
                .optional()
                .orElse(null);
    }

    /** How many messages of {@code type} lie strictly after {@code after} and at or before {@code upTo}. */
    public long count(MessageType type, ScanKey after, ScanKey upTo) {
        return jdbc.sql("SELECT COUNT(*) FROM message WHERE type = ?" + AFTER + UP_TO)
                .params(type.name(), Timestamp.from(after.receivedAt()), Timestamp.from(after.receivedAt()), after.id(),
                        Timestamp.from(upTo.receivedAt()), Timestamp.from(upTo.receivedAt()), upTo.id())
                .query(Long.class).single();
    }

    private List<Scanned> page(MessageType type, String regionPrefix, ScanKey after, ScanKey upTo, int size) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM message WHERE type = ?" + AFTER);
        List<Object> params = new ArrayList<>(List.of(type.name(), Timestamp.from(after.receivedAt()),
                Timestamp.from(after.receivedAt()), after.id()));
        if (upTo != null) {
            sql.append(UP_TO);
            params.addAll(List.of(Timestamp.from(upTo.receivedAt()), Timestamp.from(upTo.receivedAt()), upTo.id()));
        }
        if (regionPrefix != null && !regionPrefix.isEmpty()) {
            sql.append(" AND region_code LIKE ?");
            params.add(regionPrefix + "%");
        }
        // ordered as the index (type, received_at, id) is, so neither H2 nor PostgreSQL sorts the rows
        sql.append(" ORDER BY type, received_at, id FETCH FIRST ? ROWS ONLY");
        params.add(size);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            Instant at = rs.getTimestamp("received_at").toInstant();
            String id = rs.getString("id");
            return new Scanned(new ScanKey(at, id), id, rs.getString("unit_uscc"), rs.getString("region_code"),
                    MessageState.valueOf(rs.getString("state")), rs.getString("previous_message_id"),
                    rs.getBytes("payload"), cipher);
        }).list();
    }
}
