package cn.sedx.gateway.messagestore;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The exact request last sent to each destination of a message, and the destination's answer: what an operator
 * downloads to see precisely what left the gateway, and the signed receipt that came back. One row per delivery;
 * each attempt replaces the one before. A request body holds a filing's personal data as it left the gateway, so it
 * is sealed like the stored payload ({@link PayloadCipher}, bound to its message id) and opened when read.
 */
@Repository
public class SentRequests {

    /** Answers are kept up to this size (a receipt is a few hundred bytes). */
    public static final int MAX_ANSWER = 64 * 1024;
    private static final int MAX_HEADERS = 16_000;

    private final JdbcClient jdbc;
    private final PayloadCipher cipher;

    public SentRequests(JdbcClient jdbc, PayloadCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /**
     * One request as sent and what came back.
     *
     * @param requestBody  the exact bytes sent, or null when they are the message's stored payload
     * @param answerStatus the HTTP status, or null when no answer came (then {@code error} says why)
     * @param answerBody   the answer's body, at most {@link #MAX_ANSWER} bytes, or null
     */
    public record SentRequest(String messageId, String destination, Instant sentAt, Map<String, String> requestHeaders,
            byte[] requestBody, Integer answerStatus, Map<String, String> answerHeaders, byte[] answerBody,
            String error) {}

    /** Keeps {@code sent} as the last request of its delivery. */
    public void record(SentRequest sent) {
        byte[] answer = sent.answerBody() == null || sent.answerBody().length <= MAX_ANSWER ? sent.answerBody()
                : Arrays.copyOf(sent.answerBody(), MAX_ANSWER);
        byte[] body = sent.requestBody() == null ? null : cipher.seal(sent.messageId(), sent.requestBody());
        Object[] values = {Timestamp.from(sent.sentAt()), headers(sent.requestHeaders()), body,
            sent.answerStatus(), sent.answerHeaders() == null ? null : headers(sent.answerHeaders()), answer,
            truncate(sent.error()), sent.messageId(), sent.destination()};
        String update = "UPDATE sent_request SET sent_at = ?, request_headers = ?, request_body = ?, answer_status = ?,"
                + " answer_headers = ?, answer_body = ?, error = ? WHERE message_id = ? AND destination = ?";
        if (jdbc.sql(update).params(values).update() == 0) {
            try {
                jdbc.sql("INSERT INTO sent_request (sent_at, request_headers, request_body, answer_status,"
                                + " answer_headers, answer_body, error, message_id, destination)"
                                + " VALUES (?,?,?,?,?,?,?,?,?)")
                        .params(values).update();
            } catch (DuplicateKeyException e) {
                jdbc.sql(update).params(values).update();
            }
        }
    }

    /** The last request sent to {@code destination}, with its body. */
    public Optional<SentRequest> find(String messageId, String destination) {
        return jdbc.sql("SELECT message_id, destination, sent_at, request_headers, request_body, answer_status,"
                        + " answer_headers, answer_body, error FROM sent_request WHERE message_id = ? AND destination = ?")
                .params(messageId, destination)
                .query(this::map)
                .optional();
    }

    /** The last request sent to each destination of a message, by destination, without the request bodies. */
    public List<SentRequest> of(String messageId) {
        return jdbc.sql("SELECT message_id, destination, sent_at, request_headers, NULL, answer_status,"
                        + " answer_headers, answer_body, error FROM sent_request WHERE message_id = ?"
                        + " ORDER BY destination")
                .param(messageId)
                .query(this::map)
                .list();
    }

    private SentRequest map(ResultSet rs, int row) throws SQLException {
        Integer status = rs.getObject(6) == null ? null : rs.getInt(6);
        byte[] body = rs.getBytes(5);
        return new SentRequest(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                parse(rs.getString(4)), body == null ? null : cipher.open(rs.getString(1), body), status,
                parse(rs.getString(7)), rs.getBytes(8), rs.getString(9));
    }

    private static String headers(Map<String, String> headers) {
        StringBuilder text = new StringBuilder();
        headers.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        return bytes.length <= MAX_HEADERS ? text.toString() : text.substring(0, MAX_HEADERS / 4);
    }

    private static Map<String, String> parse(String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    headers.put(line.substring(0, colon), line.substring(colon + 2));
                }
            }
        }
        return headers;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
