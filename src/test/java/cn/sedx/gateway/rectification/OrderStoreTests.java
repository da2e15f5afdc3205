package cn.sedx.gateway.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.messagestore.NewMessage;
import cn.sedx.gateway.model.OrderStatus;
import cn.sedx.gateway.rectification.OrderQueries.OpenOrders;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.support.Stores;
import cn.sedx.gateway.support.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tracked orders' SQL (migration V50) on H2 and PostgreSQL alike: unique numbers, moves guarded by the status,
 * the overdue selection, the issuer's listing, the figures' counts and the compliance view's open orders per region.
 */
class OrderStoreTests {

    private static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");

    private record Fixture(DataSource dataSource, MessageStore messages, OrderStore orders, OrderQueries queries) {

        static Fixture on(TestDatabases database) {
            DataSource dataSource = database.migrated();
            JdbcClient jdbc = JdbcClient.create(dataSource);
            return new Fixture(dataSource, Stores.messageStore(dataSource, Clock.fixed(NOW, ZoneOffset.UTC), event -> { }),
                    new OrderStore(jdbc), new OrderQueries(jdbc));
        }

        /** Stores the order's message and tracks it ISSUED; its id. */
        String issue(String number, String system, String region, LocalDate issuedOn, LocalDate deadline) {
            // each issue its own message (its own idempotency key), so only the order number can clash
            String id = message(MessageType.RECTIFICATION_ORDER, system, region, UUID.randomUUID().toString());
            orders.insert(new TrackedOrder(id, number, system, "天河区市场监督管理局", "91440106MA59C8XX1X", "USE",
                    "广州示例电梯有限公司", region, List.of("NO_DIRECTOR"), issuedOn, deadline, OrderStatus.ISSUED, null,
                    null, null, NOW, NOW));
            orders.addChange(id, OrderStatus.ISSUED, id, system, NOW);
            return id;
        }

        String message(MessageType type, String system, String region, String key) {
            byte[] payload = ("{\"orderNumber\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8);
            return messages.insertReceived(new NewMessage(type, system, "REST", "91440106MA59C8XX1X", region, key,
                    "sha-" + key, payload, null, null)).id();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void takesAnOrderNumberOnceAndMovesAnOrderOnlyFromTheStatusItIsIn(TestDatabases database) {
        Fixture db = Fixture.on(database);
        String id = db.issue("令1", "tianhe-regulator", "440106", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 10));

        assertThatThrownBy(() -> db.issue("令1", "tianhe-regulator", "440106", LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 11, 12))).isInstanceOf(DuplicateKeyException.class);
        assertThat(db.orders.move(id, OrderStatus.ISSUED, OrderStatus.OVERDUE, null, null, null, NOW)).isTrue();
        assertThat(db.orders.move(id, OrderStatus.ISSUED, OrderStatus.OVERDUE, null, null, null, NOW)).isFalse();
        assertThat(db.orders.move(id, OrderStatus.OVERDUE, OrderStatus.PENALISED, null, "穗天市监罚〔2026〕3号",
                LocalDate.of(2026, 11, 18), NOW)).isTrue();

        TrackedOrder penalised = db.orders.find(id).orElseThrow();
        assertThat(penalised.status()).isEqualTo(OrderStatus.PENALISED);
        assertThat(penalised.penaltyDecisionNumber()).isEqualTo("穗天市监罚〔2026〕3号");
        assertThat(penalised.penaltyDecidedOn()).isEqualTo(LocalDate.of(2026, 11, 18));
        assertThat(penalised.rectifiedOn()).isNull();
        assertThat(penalised.failings()).containsExactly("NO_DIRECTOR");
        assertThat(db.orders.findByNumber("令1")).map(TrackedOrder::id).contains(id);
        assertThat(db.orders.changes(id)).extracting(TrackedOrder.Change::status).containsExactly(OrderStatus.ISSUED);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void selectsAsOverdueOnlyIssuedOrdersWhoseDeadlinePassedEarliestFirst(TestDatabases database) {
        Fixture db = Fixture.on(database);
        LocalDate today = LocalDate.of(2026, 11, 20);
        String dueToday = db.issue("令A", "tianhe-regulator", "440106", today.minusDays(5), today);
        String dueYesterday = db.issue("令B", "tianhe-regulator", "440106", today.minusDays(5), today.minusDays(1));
        String dueLongAgo = db.issue("令C", "tianhe-regulator", "440106", today.minusDays(9), today.minusDays(7));
        String rectified = db.issue("令D", "tianhe-regulator", "440106", today.minusDays(9), today.minusDays(8));
        db.orders.move(rectified, OrderStatus.ISSUED, OrderStatus.RECTIFIED, today.minusDays(8), null, null, NOW);

        assertThat(db.orders.overdueOn(today, 10)).containsExactly(dueLongAgo, dueYesterday).doesNotContain(dueToday);
        assertThat(db.orders.overdueOn(today, 1)).containsExactly(dueLongAgo);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void listsTheIssuersOrdersAndCountsThemByRegionAndYear(TestDatabases database) {
        Fixture db = Fixture.on(database);
        String open = db.issue("令1", "tianhe-regulator", "440106", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 30));
        String overdue = db.issue("令2", "tianhe-regulator", "440106", LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 4, 1));
        db.orders.move(overdue, OrderStatus.ISSUED, OrderStatus.OVERDUE, null, null, null, NOW);
        String penalised = db.issue("令3", "guangzhou-regulator", "440104", LocalDate.of(2025, 12, 1),
                LocalDate.of(2025, 12, 20));
        db.orders.move(penalised, OrderStatus.ISSUED, OrderStatus.OVERDUE, null, null, null, NOW);
        db.orders.move(penalised, OrderStatus.OVERDUE, OrderStatus.PENALISED, null, "罚1", LocalDate.of(2026, 1, 5),
                NOW);

        OrderQueries.OrderPage mine = db.queries.page("tianhe-regulator", Set.of(OrderStatus.ISSUED,
                OrderStatus.OVERDUE), null, 0, 1);
        assertThat(mine.total()).isEqualTo(2);
        assertThat(mine.items()).extracting(TrackedOrder::id).containsExactly(overdue);
        assertThat(db.queries.page("tianhe-regulator", Set.of(), null, 1, 1).items()).extracting(TrackedOrder::id)
                .containsExactly(open);
        assertThat(db.queries.page(null, Set.of(), "4401", 0, 10).total()).isEqualTo(3);
        assertThat(db.queries.page(null, Set.of(OrderStatus.PENALISED), "440106", 0, 10).total()).isZero();

        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate until = LocalDate.of(2027, 1, 1);
        assertThat(db.queries.countIssued("4401", from, until)).isEqualTo(2);
        assertThat(db.queries.countIssued("4401", from.minusYears(1), from)).isEqualTo(1);
        assertThat(db.queries.countPenalised("4401", from, until)).isEqualTo(1);
        assertThat(db.queries.countPenalised("440106", from, until)).isZero();
        assertThat(db.queries.openByRegion("44")).isEqualTo(Map.of("440106", new OpenOrders(1, 1)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void locksAnOrderForItsChangeAndRecordsEachFireOfTheCheck(TestDatabases database) {
        Fixture db = Fixture.on(database);
        String id = db.issue("令L", "tianhe-regulator", "440106", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
        String change = db.message(MessageType.RECTIFICATION_ORDER_CHANGE, "tianhe-county", "440106", "change-L");
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource));

        transaction.executeWithoutResult(status -> {
            TrackedOrder locked = db.orders.lockByNumber("令L").orElseThrow();
            db.orders.move(locked.id(), locked.status(), OrderStatus.RECTIFIED, LocalDate.of(2026, 11, 19), null,
                    null, NOW);
            db.orders.addChange(locked.id(), OrderStatus.RECTIFIED, change, "tianhe-county", NOW);
        });
        OverdueChecks checks = new OverdueChecks(JdbcClient.create(db.dataSource));
        long fire = checks.start("node-a", NOW, LocalDate.of(2026, 11, 20), NOW);
        checks.finish(fire, 0, NOW.plusMillis(5));

        assertThat(db.orders.find(id).orElseThrow().rectifiedOn()).isEqualTo(LocalDate.of(2026, 11, 19));
        assertThat(db.orders.changes(id)).extracting(TrackedOrder.Change::messageId).containsExactly(id, change);
        assertThat(db.orders.lockByNumber("令none")).isEmpty();
        assertThat(JdbcClient.create(db.dataSource).sql("SELECT node, scheduled_for, orders_marked"
                        + " FROM rectification_overdue_check WHERE id = ?").param(fire)
                .query((rs, n) -> rs.getString(1) + " " + rs.getTimestamp(2).toInstant() + " " + rs.getInt(3))
                .single()).isEqualTo("node-a " + NOW + " 0");
    }
}
