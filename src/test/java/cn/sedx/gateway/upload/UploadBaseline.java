package cn.sedx.gateway.upload;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fresh start for a test of upload runs on a context it shares with other tests: runs an earlier test left
 * unfinished (RUNNING or FAILED, which a trigger would resume) are removed, and the watermark is moved past every
 * personnel filing already stored, so the next run uploads only what the test itself submits, in any order.
 */
final class UploadBaseline {

    private UploadBaseline() {}

    static void reset(JdbcClient jdbc) {
        String unfinished = " WHERE run_id IN (SELECT id FROM upload_run WHERE state <> 'SUCCEEDED')";
        for (String table : List.of("upload_chunk", "upload_skipped")) {
            jdbc.sql("DELETE FROM " + table + unfinished).update();
        }
        jdbc.sql("DELETE FROM upload_run WHERE state <> 'SUCCEEDED'").update();
        jdbc.sql("SELECT received_at, id FROM message WHERE type = 'PERSONNEL_FILING'"
                + " ORDER BY received_at DESC, id DESC FETCH FIRST 1 ROW ONLY").query().listOfRows()
                .forEach(last -> jdbc.sql("UPDATE upload_watermark SET received_at = ?, id = ? WHERE kind = ?")
                        .params(last.get("received_at"), last.get("id"), "PERSONNEL").update());
    }
}
