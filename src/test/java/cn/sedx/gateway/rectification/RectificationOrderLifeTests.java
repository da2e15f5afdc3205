package cn.sedx.gateway.rectification;

import static cn.sedx.gateway.support.CampaignGateway.json;
import static cn.sedx.gateway.support.CampaignGateway.newUscc;
import static cn.sedx.gateway.support.CampaignGateway.order;
import static cn.sedx.gateway.support.CampaignGateway.penalised;
import static cn.sedx.gateway.support.CampaignGateway.post;
import static cn.sedx.gateway.support.CampaignGateway.rectified;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.support.CampaignGateway;
import cn.sedx.gateway.support.CampaignGatewayTest;
import cn.sedx.gateway.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A rectification order's life over REST, on a clock the test controls: ISSUED → OVERDUE (the scheduled check, the
 * day after the deadline) → PENALISED, and ISSUED → RECTIFIED; every change delivered to the provincial platform
 * and audited; the issuing system lists its open and overdue orders.
 */
@CampaignGatewayTest
class RectificationOrderLifeTests {

    private static final AtomicInteger NUMBERS = new AtomicInteger(100);

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    private CampaignGateway gateway;

    @BeforeEach
    void gateway() {
        gateway = new CampaignGateway(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String number() {
        return "穗天市监特令〔2026〕" + NUMBERS.incrementAndGet() + "号";
    }

    /** Issues an order to a new unit of Tianhe due {@code days} after today; its id (the order's message id). */
    private String issue(String number, int days) {
        LocalDate today = clock.today();
        return post(gateway.tianheRegulator, "/api/v1/rectification-orders",
                order(number, newUscc("440106"), "440106", today, today.plusDays(days)), 202).get("messageId").asText();
    }

    @Test
    void anOrderGoesOverdueTheDayAfterItsDeadlineAndIsThenPenalised() {
        String number = number();
        String id = issue(number, 1);
        assertThat(gateway.order(id).at("/order/status").asText()).isEqualTo("ISSUED");
        gateway.awaitState(id, "ACKNOWLEDGED");
        assertThat(gateway.received(id).get(0).get("destination").asText()).isEqualTo("province-44");

        JsonNode early = json(gateway.tianheRegulator.postJson("/api/v1/rectification-order-changes",
                penalised(number, clock.today()).toString()));
        assertThat(early.get("code").asText()).isEqualTo("ORDER_STATE_CONFLICT");
        clock.advance(Duration.ofDays(1));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> gateway.order(id).at("/order/status").asText().equals("ISSUED"));

        clock.advance(Duration.ofDays(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.order(id).at("/order/status").asText()
                .equals("OVERDUE"));
        JsonNode overdue = gateway.order(id).at("/changes/1");
        assertThat(overdue.get("status").asText()).isEqualTo("OVERDUE");
        assertThat(overdue.get("actor").asText()).isEqualTo("gateway");
        String overdueMessage = overdue.get("messageId").asText();
        gateway.awaitState(overdueMessage, "ACKNOWLEDGED");
        JsonNode delivered = provincialBody(overdueMessage);
        assertThat(delivered.get("messageType").asText()).isEqualTo("RECTIFICATION_ORDER_CHANGE");
        assertThat(delivered.at("/filing/status").asText()).isEqualTo("OVERDUE");
        assertThat(delivered.at("/filing/overdue/detectedOn").asText()).isEqualTo(clock.today().toString());
        assertThat(delivered.at("/unit/regionCode").asText()).isEqualTo("440106");

        String penalty = post(gateway.tianheRegulator, "/api/v1/rectification-order-changes",
                penalised(number, clock.today()), 202).get("messageId").asText();

        JsonNode order = gateway.order(id);
        assertThat(order.at("/order/status").asText()).isEqualTo("PENALISED");
        assertThat(order.at("/order/penaltyDecisionNumber").asText()).isEqualTo("穗天市监罚〔2026〕3号");
        assertThat(order.get("changes").findValuesAsText("status")).containsExactly("ISSUED", "OVERDUE", "PENALISED");
        gateway.awaitState(penalty, "ACKNOWLEDGED");
        assertThat(provincialBody(penalty).at("/filing/penalty/decisionNumber").asText())
                .isEqualTo("穗天市监罚〔2026〕3号");
        assertThat(audited(id, overdueMessage, penalty)).containsExactly("ORDER_ISSUED", "ORDER_OVERDUE",
                "ORDER_PENALISED");
    }

    @Test
    void anOrderTheUnitsSystemRectifiesInTimeNeverGoesOverdue() {
        String number = number();
        String id = issue(number, 3);

        String rectification = post(gateway.county, "/api/v1/rectification-order-changes",
                rectified(number, clock.today()), 202).get("messageId").asText();
        clock.advance(Duration.ofDays(5));
        LocalDate later = clock.today();
        await().atMost(Duration.ofSeconds(30)).until(() -> checkedFor(later) >= 2);

        JsonNode order = gateway.order(id);
        assertThat(order.at("/order/status").asText()).isEqualTo("RECTIFIED");
        assertThat(order.at("/order/rectifiedOn").asText()).isEqualTo(later.minusDays(5).toString());
        assertThat(order.get("changes").findValuesAsText("status")).containsExactly("ISSUED", "RECTIFIED");
        assertThat(order.at("/changes/1/actor").asText()).isEqualTo("tianhe-county");
        gateway.awaitState(rectification, "ACKNOWLEDGED");
        JsonNode delivered = provincialBody(rectification);
        assertThat(delivered.at("/filing/rectification/attachments/0/fileName").asText()).isEqualTo("整改报告.pdf");
        assertThat(delivered.at("/unit/uscc").asText()).isEqualTo(order.at("/order/unitUscc").asText());
        JsonNode again = json(gateway.tianheRegulator.postJson("/api/v1/rectification-order-changes",
                penalised(number, clock.today()).toString()));
        assertThat(again.get("code").asText()).isEqualTo("ORDER_STATE_CONFLICT");
        assertThat(audited(id, rectification)).containsExactly("ORDER_ISSUED", "ORDER_RECTIFIED");
    }

    @Test
    void onlyTheIssuingSystemPenalisesAndAnOrderNumberIsTakenOnce() {
        String number = number();
        String id = issue(number, 1);
        clock.advance(Duration.ofDays(2));
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.order(id).at("/order/status").asText()
                .equals("OVERDUE"));

        JsonNode byCounty = json(gateway.county.postJson("/api/v1/rectification-order-changes",
                penalised(number, clock.today()).toString()));
        JsonNode byCity = json(gateway.guangzhouRegulator.postJson("/api/v1/rectification-order-changes",
                penalised(number, clock.today()).toString()));
        JsonNode twice = json(gateway.tianheRegulator.postJson("/api/v1/rectification-orders",
                order(number, newUscc("440106"), "440106", clock.today(), clock.today().plusDays(9)).toString()));

        assertThat(byCounty.get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(byCounty.at("/violations/0/pointer").asText()).isEqualTo("/status");
        assertThat(byCity.get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(twice.get("code").asText()).isEqualTo("ORDER_NUMBER_TAKEN");
        assertThat(twice.get("status").asInt()).isEqualTo(409);
        assertThat(gateway.order(id).at("/order/status").asText()).isEqualTo("OVERDUE");
        // a refused change stores nothing: only the order and its OVERDUE change are messages of the order
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rectification_order_change WHERE order_id = ?").param(id)
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void theIssuingSystemListsItsOpenAndOverdueOrders() {
        String open = issue(number(), 30);
        String closed = issue(number(), 30);
        post(gateway.tianheRegulator, "/api/v1/rectification-order-changes",
                rectified(gateway.order(closed).at("/order/orderNumber").asText(), clock.today()), 202);

        JsonNode mine = json(gateway.tianheRegulator.get("/api/v1/rectification-orders?status=ISSUED&status=OVERDUE"
                + "&size=200"));
        JsonNode cityView = json(gateway.guangzhouRegulator.get("/api/v1/rectification-orders?size=200"));
        JsonNode operatorView = json(gateway.operator.get("/api/v1/rectification-orders?region=440106&size=200"));

        List<String> ids = mine.get("items").findValuesAsText("id");
        assertThat(ids).contains(open).doesNotContain(closed);
        assertThat(mine.get("items").findValuesAsText("status")).allMatch(s -> s.equals("ISSUED")
                || s.equals("OVERDUE"));
        assertThat(mine.get("items").findValuesAsText("issuingSystem")).containsOnly("tianhe-regulator");
        assertThat(cityView.get("items").findValuesAsText("id")).doesNotContain(open, closed);
        assertThat(operatorView.get("items").findValuesAsText("id")).contains(open, closed);
        assertThat(gateway.guangzhouRegulator.get("/api/v1/rectification-orders/" + open).statusCode())
                .isEqualTo(404);
    }

    private JsonNode provincialBody(String messageId) {
        JsonNode received = gateway.received(messageId).get(0);
        assertThat(received.get("destination").asText()).isEqualTo("province-44");
        try {
            return CampaignGateway.JSON.readTree(java.util.Base64.getDecoder().decode(
                    received.get("bodyBase64").asText()));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The ORDER_* audit actions of these messages, in the order they were recorded. */
    private List<String> audited(String... messageIds) {
        List<String> actions = new ArrayList<>();
        for (String messageId : messageIds) {
            actions.addAll(jdbc.sql("SELECT action FROM audit_entry WHERE message_id = ? AND action LIKE 'ORDER_%'"
                    + " ORDER BY id").param(messageId).query(String.class).list());
        }
        return actions;
    }

    private int checkedFor(LocalDate day) {
        return jdbc.sql("SELECT COUNT(*) FROM rectification_overdue_check WHERE checked_for = ? AND finished_at"
                + " IS NOT NULL").param(java.sql.Date.valueOf(day)).query(Integer.class).single();
    }
}
