package cn.sedx.gateway.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The upload schedule on the clustered Quartz job store: one fire, one run, whatever the number of nodes. */
class UploadScheduleTests {

    @Test
    void twoNodesOnOneDatabaseRunEachFireOnce() throws Exception {
        try (GatewayNodes nodes = new GatewayNodes();
                ConfigurableApplicationContext a = nodes.start(schedule("0/3 * * * * ?"));
                ConfigurableApplicationContext b = nodes.start(schedule("0/3 * * * * ?"))) {
            JdbcClient jdbc = a.getBean(JdbcClient.class);
            Instant since = Instant.now();
            // generous: on a loaded two-core machine a 3 s schedule can slip
            await().atMost(Duration.ofSeconds(90)).until(() -> scheduledRuns(jdbc, since).size() >= 4);

            List<Instant> starts = scheduledRuns(jdbc, since);
            for (int i = 1; i < starts.size(); i++) {
                // fires are 3 s apart; two nodes firing the same schedule would start runs in the same second
                assertThat(Duration.between(starts.get(i - 1), starts.get(i))).isGreaterThan(Duration.ofMillis(1500));
            }
            assertThat(jdbc.sql("SELECT COUNT(*) FROM qrtz_scheduler_state").query(Integer.class).single())
                    .isEqualTo(2);
        }
    }

    @Test
    void aScheduleMissedWhileDownRunsOnceAtStartUp() throws Exception {
        try (GatewayNodes nodes = new GatewayNodes()) {
            Instant since = Instant.now();
            try (ConfigurableApplicationContext before = nodes.start(schedule("0 30 1 * * ?"))) {
                JdbcClient jdbc = before.getBean(JdbcClient.class);
                assertThat(scheduledRuns(jdbc, since)).isEmpty();
            }
            // the whole cluster was down when the trigger was due: its stored next fire lies an hour back
            try (GatewayNodes.Database database = nodes.database()) {
                assertThat(database.jdbc().sql("UPDATE qrtz_triggers SET next_fire_time = ? WHERE job_name LIKE ?")
                        .params(System.currentTimeMillis() - 3_600_000, "%personnel%").update()).isEqualTo(1);
            }

            try (ConfigurableApplicationContext after = nodes.start(schedule("0 30 1 * * ?"))) {
                JdbcClient jdbc = after.getBean(JdbcClient.class);
                await().atMost(Duration.ofSeconds(30)).until(() -> scheduledRuns(jdbc, since).size() == 1);
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                        .until(() -> scheduledRuns(jdbc, since).size() == 1);
            }
        }
    }

    private static Map<String, Object> schedule(String cron) {
        return Map.of("sedx.upload.cron", cron, "sedx.upload.scheduler.misfire-threshold", "1s",
                "sedx.upload.scheduler.checkin-interval", "1s", "sedx.upload.settle-lag", "0s");
    }

    private static List<Instant> scheduledRuns(JdbcClient jdbc, Instant since) {
        return jdbc.sql("SELECT started_at FROM upload_run WHERE trigger_kind = 'SCHEDULE' AND started_at >= ?"
                        + " ORDER BY started_at")
                .param(java.sql.Timestamp.from(since))
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
    }
}
