package cn.sedx.gateway.rectification;

import static cn.sedx.gateway.support.CampaignGateway.newUscc;
import static cn.sedx.gateway.support.CampaignGateway.order;
import static cn.sedx.gateway.support.CampaignGateway.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.support.CampaignGateway;
import cn.sedx.gateway.upload.GatewayNodes;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The overdue check on the clustered Quartz job store: two nodes on one database, each fire of the schedule runs on
 * one node only (each scheduled fire time is recorded once), and an order past its deadline is marked OVERDUE once,
 * with one change message.
 */
class OverdueCheckClusterTests {

    @Test
    void twoNodesRunEachFireOfTheOverdueCheckOnceAndMarkAnOrderOnce() throws Exception {
        try (GatewayNodes nodes = new GatewayNodes();
                ConfigurableApplicationContext a = nodes.start(schedule());
                ConfigurableApplicationContext b = nodes.start(schedule())) {
            JdbcClient jdbc = a.getBean(JdbcClient.class);
            Instant since = Instant.now();
            CampaignGateway gateway = new CampaignGateway(port(a));
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            String number = "穗天市监特令〔2026〕C" + System.nanoTime() + "号";
            // issued ten days ago and due five days ago: overdue at the first fire
            String id = post(gateway.tianheRegulator, "/api/v1/rectification-orders", order(number,
                    newUscc("440106"), "440106", today.minusDays(10), today.minusDays(5)), 202).get("messageId")
                    .asText();

            await().atMost(Duration.ofSeconds(90)).until(() -> fires(jdbc, since).size() >= 4);

            // each row is one run of the check; two nodes running the same fire would record its time twice
            List<Instant> fires = fires(jdbc, since);
            assertThat(fires).doesNotContainNull().doesNotHaveDuplicates();
            assertThat(jdbc.sql("SELECT status FROM rectification_order WHERE id = ?").param(id).query(String.class)
                    .single()).isEqualTo("OVERDUE");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM rectification_order_change WHERE order_id = ? AND status = ?")
                    .params(id, "OVERDUE").query(Integer.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT SUM(orders_marked) FROM rectification_overdue_check WHERE started_at >= ?")
                    .param(Timestamp.from(since)).query(Integer.class).single()).isEqualTo(1);
            // both nodes take part in the cluster: either could have run any fire
            assertThat(jdbc.sql("SELECT COUNT(*) FROM qrtz_scheduler_state").query(Integer.class).single())
                    .isEqualTo(2);
        }
    }

    private static Map<String, Object> schedule() {
        return Map.of("sedx.rectification.overdue-check-cron", "0/2 * * * * ?",
                "sedx.upload.scheduler.misfire-threshold", "1s", "sedx.upload.scheduler.checkin-interval", "1s");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The scheduled fire time of every run of the check since {@code since}, one per run. */
    private static List<Instant> fires(JdbcClient jdbc, Instant since) {
        return jdbc.sql("SELECT scheduled_for FROM rectification_overdue_check WHERE started_at >= ? ORDER BY id")
                .param(Timestamp.from(since))
                .query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()).list();
    }
}
