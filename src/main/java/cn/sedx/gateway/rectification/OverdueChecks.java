package cn.sedx.gateway.rectification;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The record of every fire of the overdue check ({@code rectification_overdue_check}): which node, which scheduled
 * fire, when, how many orders it marked.
 */
@Repository
class OverdueChecks {

    private final JdbcClient jdbc;

    public OverdueChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a fire starting; its id. {@code scheduledFor} is null for a run the schedule did not fire. */
    long start(String node, Instant scheduledFor, LocalDate checkedFor, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO rectification_overdue_check (node, scheduled_for, checked_for, started_at)"
                        + " VALUES (?,?,?,?)")
                .params(node, scheduledFor == null ? null : Timestamp.from(scheduledFor), Date.valueOf(checkedFor),
                        Timestamp.from(at))
                .update(key, "id");
        return key.getKey().longValue();
    }

    void finish(long id, int marked, Instant at) {
        jdbc.sql("UPDATE rectification_overdue_check SET finished_at = ?, orders_marked = ? WHERE id = ?")
                .params(Timestamp.from(at), marked, id)
                .update();
    }
}
