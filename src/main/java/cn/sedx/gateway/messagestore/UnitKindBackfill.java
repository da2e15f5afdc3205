package cn.sedx.gateway.messagestore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Migration V31: fills {@code message.unit_kind} (added by V30) for the personnel filings stored before it existed,
 * from each payload's {@code unit.unitKind}, a page of rows at a time. In Java because neither H2 nor PostgreSQL can
 * read JSON out of a {@code BYTEA} with the same SQL. A payload that does not parse keeps a null kind (it is then
 * treated as a unit of unknown kind).
 */
@Component
class UnitKindBackfill extends StoreMigration {

    private static final int PAGE = 500;
    private final ObjectMapper json;

    UnitKindBackfill(ObjectMapper json) {
        super("31", "unit kind backfill");
        this.json = json;
    }


    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        String after = "";
        while (true) {
            Map<String, String> page = page(connection, after);
            if (page.isEmpty()) {
                return;
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE message SET unit_kind = ? WHERE id = ?")) {
                for (Map.Entry<String, String> row : page.entrySet()) {
                    if (row.getValue() != null) {
                        update.setString(1, row.getValue());
                        update.setString(2, row.getKey());
                        update.addBatch();
                    }
                }
                update.executeBatch();
            }
            after = page.keySet().stream().reduce((first, second) -> second).orElseThrow();
        }
    }

    /** The next page of filings without a kind after {@code after} (id order): id → kind, null when unreadable. */
    private Map<String, String> page(Connection connection, String after) throws SQLException {
        Map<String, String> kinds = new LinkedHashMap<>();
        // payloads are in their own table since V25
        try (PreparedStatement select = connection.prepareStatement("SELECT m.id, p.payload FROM message m"
                + " JOIN message_payload p ON p.message_id = m.id WHERE m.type = 'PERSONNEL_FILING'"
                + " AND m.unit_kind IS NULL AND m.id > ? ORDER BY m.id FETCH FIRST " + PAGE + " ROWS ONLY")) {
            select.setString(1, after);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    kinds.put(rows.getString(1), kindOf(rows.getBytes(2)));
                }
            }
        }
        return kinds;
    }

    private String kindOf(byte[] payload) {
        try {
            JsonNode kind = json.readTree(payload).path("unit").path("unitKind");
            return kind.isTextual() && kind.asText().matches("PRODUCTION|USE|FILLING") ? kind.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
