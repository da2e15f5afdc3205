package cn.sedx.gateway.messagestore;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-seals stored payloads, and the request bodies kept of their deliveries ({@link SentRequests}), under the current
 * key after a key rotation (and seals those stored in clear before encryption was on), a page of messages at a time
 * in id order, one transaction per page. Payloads never change otherwise, so a
 * reader sees the old or the new ciphertext, and both open while the old key is still configured.
 */
@Repository
public class PayloadResealing {

    private static final int PAGE = 200;

    private final JdbcClient jdbc;
    private final PayloadCipher cipher;
    private final TransactionTemplate transactions;

    public PayloadResealing(JdbcClient jdbc, PayloadCipher cipher, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * What one call did.
     *
     * @param examined payloads read
     * @param resealed payloads and kept request bodies written again under the current key
     * @param next     the id to continue after, or null when every message has been examined
     */
    public record Progress(long examined, long resealed, String next, String keyId) {}

    private record Row(String id, byte[] payload) {}

    private record SentBody(String messageId, String destination, byte[] body) {}

    /**
     * Re-seals the payloads of messages after {@code after} (from the first when null) that are not under the
     * current key, examining at most {@code limit} messages.
     */
    public Progress reseal(String after, int limit) {
        String position = after == null ? "" : after;
        long examined = 0;
        long resealed = 0;
        while (examined < limit) {
            List<Row> page = jdbc.sql("SELECT message_id, payload FROM message_payload WHERE message_id > ?"
                            + " ORDER BY message_id FETCH FIRST ? ROWS ONLY")
                    .params(position, (int) Math.min(PAGE, limit - examined))
                    .query((rs, n) -> new Row(rs.getString(1), rs.getBytes(2))).list();
            if (page.isEmpty()) {
                return new Progress(examined, resealed, null, cipher.currentKeyId());
            }
            resealed += resealPage(page);
            examined += page.size();
            position = page.get(page.size() - 1).id();
        }
        return new Progress(examined, resealed, position, cipher.currentKeyId());
    }

    private int resealPage(List<Row> page) {
        Integer done = transactions.execute(status -> {
            int count = 0;
            for (Row row : page) {
                if (!cipher.isCurrent(row.payload())) {
                    byte[] clear = cipher.open(row.id(), row.payload());
                    jdbc.sql("UPDATE message_payload SET payload = ? WHERE message_id = ?").params(cipher.seal(row.id(), clear),
                            row.id()).update();
                    count++;
                }
            }
            return count + resealSentBodies(page.get(0).id(), page.get(page.size() - 1).id());
        });
        return done == null ? 0 : done;
    }

    /** The kept request bodies of the messages from {@code first} to {@code last} (one page, in id order). */
    private int resealSentBodies(String first, String last) {
        List<SentBody> bodies = jdbc.sql("SELECT message_id, destination, request_body FROM sent_request"
                        + " WHERE message_id >= ? AND message_id <= ? AND request_body IS NOT NULL")
                .params(first, last)
                .query((rs, n) -> new SentBody(rs.getString(1), rs.getString(2), rs.getBytes(3))).list();
        int count = 0;
        for (SentBody sent : bodies) {
            if (!cipher.isCurrent(sent.body())) {
                String sealedAs = SentRequests.sealedAs(sent.messageId(), sent.destination());
                byte[] clear = cipher.open(sealedAs, sent.body());
                jdbc.sql("UPDATE sent_request SET request_body = ? WHERE message_id = ? AND destination = ?")
                        .params(cipher.seal(sealedAs, clear), sent.messageId(), sent.destination()).update();
                count++;
            }
        }
        return count;
    }
}
