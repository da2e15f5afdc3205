package cn.sedx.gateway.rectification;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The record of every fire of the overdue check ({@code rectification_overdue_check}): which node, when, how many. */
@Repository
public class OverdueChecks {

    private final JdbcClient jdbc;

    public OverdueChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One fire of the check.
     *
     * @param node         the node that ran it
     * @param checkedFor   the day it counted as today
     * @param startedAt    when it started
     * @param finishedAt   when it finished; null while running (or when it died)
     * @param ordersMarked how many orders it marked OVERDUE; null while running
     */
    public record Fire(String node, LocalDate checkedFor, Instant startedAt, Instant finishedAt, Integer ordersMarked) {}

    long start(String node, LocalDate checkedFor, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO rectification_overdue_check (node, checked_for, started_at) VALUES (?,?,?)")
                .params(node, Date.valueOf(checkedFor), Timestamp.from(at))
                .update(key, "id");
        return key.getKey().longValue();
    }

    void finish(long id, int marked, Instant at) {
        jdbc.sql("UPDATE rectification_overdue_check SET finished_at = ?, orders_marked = ? WHERE id = ?")
                .params(Timestamp.from(at), marked, id)
                .update();
    }

    /** The newest fires, newest first. */
    public List<Fire> recent(int limit) {
        return jdbc.sql("SELECT node, checked_for, started_at, finished_at, orders_marked"
                        + " FROM rectification_overdue_check ORDER BY started_at DESC, id DESC FETCH FIRST ? ROWS ONLY")
                .param(limit)
                .query((rs, n) -> {
                    Timestamp finished = rs.getTimestamp(4);
                    int marked = rs.getInt(5);
                    return new Fire(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getTimestamp(3).toInstant(),
                            finished == null ? null : finished.toInstant(), rs.wasNull() ? null : marked);
                })
                .list();
    }
}
