package cn.sedx.gateway.rectification;

import static cn.sedx.gateway.messagestore.StateChange.GATEWAY;

import cn.sedx.gateway.audit.AuditTrail;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.messagestore.NewMessage;
import cn.sedx.gateway.messagestore.StoredMessage;
import cn.sedx.gateway.model.CanonicalJson;
import cn.sedx.gateway.model.OrderStatus;
import cn.sedx.gateway.model.RectificationOrderChange;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.Sha256;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduled overdue check ({@code routes/rectification.camel.yaml}, Quartz on the clustered job store, so each
 * fire runs on one node): every order still ISSUED whose deadline lies before today (in {@code sedx.rectification.zone}
 * at the injected clock) becomes OVERDUE. Each order moves in a transaction of its own, with the OVERDUE change
 * message (stored RECEIVED under the system {@code gateway}, then delivered like any message), its change row and its
 * audit entry; the move is guarded by the status, so a second fire never marks an order twice. Every fire is recorded
 * with the node that ran it ({@code rectification_overdue_check}).
 */
@Component("rectificationOverdueCheck")
public class OverdueCheck {

    /** The submitting system the gateway's own OVERDUE messages are stored under. */
    /** The channel of those messages. */
    static final String CHANNEL = "SCHEDULE";

    private static final Logger log = LoggerFactory.getLogger(OverdueCheck.class);

    private final OrderStore orders;
    private final OverdueChecks checks;
    private final MessageStore store;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final RectificationSettings settings;
    private final Clock clock;
    private final ObjectMapper json = CanonicalJson.mapper();
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    OverdueCheck(OrderStore orders, OverdueChecks checks, MessageStore store, AuditTrail audit,
            PlatformTransactionManager transactions, RectificationSettings settings, Clock clock) {
        this.orders = orders;
        this.checks = checks;
        this.store = store;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactions);
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * One fire: marks overdue every order due before today, at most {@code check-batch} of them.
     *
     * @param scheduledFireTime the fire time the schedule set (Quartz's {@code scheduledFireTime}); null for a run
     *                          the schedule did not fire
     * @return how many orders this fire marked OVERDUE
     */
    public int run(Date scheduledFireTime) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), settings.zone());
        long check = checks.start(node, scheduledFireTime == null ? null : scheduledFireTime.toInstant(), today,
                clock.instant());
        int marked = 0;
        for (String id : orders.overdueOn(today, settings.checkBatch())) {
            marked += Boolean.TRUE.equals(transactions.execute(status -> markOverdue(id, today))) ? 1 : 0;
        }
        checks.finish(check, marked, clock.instant());
        if (marked > 0) {
            log.info("overdue check for {} on {}: {} order(s) OVERDUE", today, node, marked);
        }
        return marked;
    }

    private boolean markOverdue(String id, LocalDate today) {
        TrackedOrder order = orders.find(id).orElseThrow();
        Instant now = clock.instant();
        if (!orders.move(id, OrderStatus.ISSUED, OrderStatus.OVERDUE, null, null, null, now)) {
            return false;
        }
        byte[] payload = payload(new RectificationOrderChange(order.orderNumber(), OrderStatus.OVERDUE, null, null,
                new RectificationOrderChange.Overdue(order.deadline(), today)));
        NewMessage message = new NewMessage(MessageType.RECTIFICATION_ORDER_CHANGE, GATEWAY, CHANNEL,
                order.unitUscc(), order.regionCode(), "overdue:" + id, Sha256.hex(payload), payload, null,
                null);
        StoredMessage stored = store.insertReceivedOfKind(message, order.unitKind());
        orders.addChange(id, OrderStatus.OVERDUE, stored.id(), GATEWAY, now);
        audit.record(GATEWAY, "ORDER_OVERDUE", stored.id(), "order " + order.orderNumber() + " (" + id
                + ") deadline " + order.deadline() + " passed with no rectification; found on " + today);
        return true;
    }

    private byte[] payload(RectificationOrderChange change) {
        try {
            return json.writeValueAsBytes(change);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an OVERDUE change", e);
        }
    }

    /** Which node this is, as the check's records name it. */
    public String node() {
        return node;
    }
}
