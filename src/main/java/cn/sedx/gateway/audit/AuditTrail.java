package cn.sedx.gateway.audit;

import cn.sedx.gateway.messagestore.StateChanged;
import cn.sedx.gateway.shared.PersonalDataMask;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends to the audit trail: every state change (in the transaction that makes it), every refusal and every
 * operator action. Appending is a plain insert; {@link AuditSealer} then chains entries by SM3. ID numbers and
 * mobiles are masked before anything is written.
 */
@Component
public class AuditTrail {

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param actor     the system id, operator name or {@link cn.sedx.gateway.messagestore.StateChange#GATEWAY}
     * @param action    what happened, e.g. STATE_QUEUED, SUBMISSION_REFUSED, REPLAY_REQUESTED
     * @param messageId the message concerned, or null
     * @param detail    free text (the operator's reason, the refusal codes); masked before it is stored
     */
    public void record(String actor, String action, String messageId, String detail) {
        String masked = PersonalDataMask.text(detail);
        jdbc.sql("INSERT INTO audit_entry (recorded_at, actor, action, message_id, detail) VALUES (?,?,?,?,?)")
                .params(Timestamp.from(clock.instant()), truncate(actor, 64), truncate(action, 48), messageId,
                        truncate(masked, 2000))
                .update();
    }

    @EventListener
    void onStateChanged(StateChanged change) {
        record(change.actor(), "STATE_" + change.state().name(), change.messageId(), change.detail());
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
