package cn.sedx.gateway.replay;

import cn.sedx.gateway.audit.AuditTrail;
import cn.sedx.gateway.audit.OperatorReason;
import cn.sedx.gateway.messagestore.MessageQuery;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Plans and starts replays: selects stored messages by id or filter, and records a replay that the
 * {@code replay-dispatch} route then carries out at its rate. A dry run only answers what would be replayed.
 */
@Service
public class ReplayService {

    private final MessageStore store;
    private final ReplayStore replays;
    private final AuditTrail audit;
    private final ReplaySettings settings;
    private final Clock clock;

    public ReplayService(MessageStore store, ReplayStore replays, AuditTrail audit, ReplaySettings settings,
            Clock clock) {
        this.store = store;
        this.replays = replays;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** The ids a request selects, oldest first, at most {@code maxMessages}. */
    public List<String> select(ReplayRequest request) {
        if (request.messageIds() != null && !request.messageIds().isEmpty()) {
            for (String id : request.messageIds()) {
                if (store.find(id).isEmpty()) {
                    throw new SedxException(ErrorCode.MESSAGE_NOT_FOUND, id, "no message " + id,
                            List.of(Violation.of(ErrorCode.MESSAGE_NOT_FOUND, "/messageIds")), null);
                }
            }
            return request.messageIds().stream().distinct().limit(settings.maxMessages()).toList();
        }
        ReplayRequest.Filter filter = request.filter();
        if (filter == null) {
            throw SedxException.refused(ErrorCode.SCHEMA_VIOLATION, "no selection", List.of(Violation.of(
                    ErrorCode.SCHEMA_VIOLATION, "/filter", "须给出 messageIds 或 filter",
                    "give messageIds or a filter")));
        }
        MessageQuery query = new MessageQuery(filter.type(), filter.state(), filter.unitUscc(), null, filter.from(),
                filter.to(), 0, settings.maxMessages());
        return store.ids(query, filter.destination(), settings.maxMessages());
    }

    /**
     * Records a replay of the selected messages; the route puts them back on their queues at the rate.
     *
     * @return the replay id
     * @throws SedxException REASON_REQUIRED without a reason
     */
    public String start(ReplayRequest request, String actor) {
        String reason = OperatorReason.required(request.reason());
        List<String> ids = select(request);
        int rate = request.ratePerSecond() == null ? settings.defaultRatePerSecond()
                : Math.max(1, Math.min(request.ratePerSecond(), settings.maxRatePerSecond()));
        String id = UUID.randomUUID().toString();
        String destination = request.filter() == null ? null : request.filter().destination();
        replays.create(id, actor, reason, destination, rate, clock.instant(), ids);
        audit.record(actor, "REPLAY_REQUESTED", null, "replay " + id + " of " + ids.size() + " message(s): " + reason);
        return id;
    }

    public ReplayProgress progress(String replayId) {
        return replays.progress(replayId).orElseThrow(() -> new SedxException(ErrorCode.RESOURCE_NOT_FOUND,
                "no replay " + replayId));
    }
}
