package cn.sedx.gateway.messagestore;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private static final String UPDATE = "UPDATE sent_request SET sent_at = ?, request_headers = ?, request_body = ?,"
            + " answer_status = ?, answer_headers = ?, answer_body = ?, error = ? WHERE message_id = ? AND destination = ?";
    private static final String INSERT = "INSERT INTO sent_request (sent_at, request_headers, request_body,"
            + " answer_status, answer_headers, answer_body, error, message_id, destination) VALUES (?,?,?,?,?,?,?,?,?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final PayloadCipher cipher;

    /** @param cipher seals the request bodies kept (they carry the filings' personal data), as the payloads are */
    public SentRequests(JdbcClient jdbc, JdbcTemplate batch, PayloadCipher cipher) {
        this.jdbc = jdbc;
        this.batch = batch;
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
        recordAll(List.of(sent));
    }

    /**
     * Keeps each of {@code sent} as the last request of its delivery, with one batched update and one batched insert
     * (for the deliveries sent for the first time); in the caller's transaction when there is one.
     */
    public void recordAll(List<SentRequest> sent) {
        if (sent.isEmpty()) {
            return;
        }
        List<Object[]> rows = sent.stream().map(this::values).toList();
        int[] updated = batch.batchUpdate(UPDATE, rows);
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (updated[i] == 0) {
                missing.add(rows.get(i));
            }
        }
        if (!missing.isEmpty()) {
            batch.batchUpdate(INSERT, missing);
        }
    }

    private Object[] values(SentRequest sent) {
        byte[] answer = sent.answerBody() == null || sent.answerBody().length <= MAX_ANSWER ? sent.answerBody()
                : Arrays.copyOf(sent.answerBody(), MAX_ANSWER);
        return new Object[] {Timestamp.from(sent.sentAt()), headers(sent.requestHeaders()),
            sent.requestBody() == null ? null : cipher.seal(sealedAs(sent.messageId(), sent.destination()),
                    sent.requestBody()),
            sent.answerStatus(), sent.answerHeaders() == null ? null : headers(sent.answerHeaders()), answer,
            truncate(sent.error()), sent.messageId(), sent.destination()};
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
                parse(rs.getString(4)), body == null ? null : cipher.open(sealedAs(rs.getString(1), rs.getString(2)),
                        body), status, parse(rs.getString(7)), rs.getBytes(8),
                rs.getString(9));
    }

    /** What a kept request body is bound to: its delivery (message and destination). */
    static String sealedAs(String messageId, String destination) {
        return messageId + "/" + destination;
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
