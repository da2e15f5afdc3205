package cn.sedx.gateway.replay;

import cn.sedx.gateway.delivery.DeliveryRouter;
import cn.sedx.gateway.delivery.DeliverySettings;
import cn.sedx.gateway.messagestore.DeliveryLog;
import cn.sedx.gateway.messagestore.MessageState;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.messagestore.StoredMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Carries out running replays for the {@code replay-dispatch} route: each period it takes the next messages of
 * each replay (at most its rate × the period), marks them REPLAYED with who and why, and hands the route one
 * task per queue message. A message goes back to the destinations it has not settled with (all of them when it
 * settled everywhere, only the filter's destination when one was named); one never routed (no destination was
 * configured for it) goes to the destinations its route gives now, or is left as it is when there still are none.
 * With several nodes each item is claimed by one of them for {@link ReplaySettings#claimLease()}: a node that dies
 * between the claim and the queue send leaves the item to another once the lease ends (it is then queued again,
 * under its one message id).
 */
@Component("replayDispatcher")
public class ReplayDispatcher {

    private final ReplayStore replays;
    private final MessageStore store;
    private final DeliveryLog deliveries;
    private final DeliverySettings delivery;
    private final DeliveryRouter router;
    private final ReplaySettings settings;
    private final Clock clock;

    public ReplayDispatcher(ReplayStore replays, MessageStore store, DeliveryLog deliveries,
            DeliverySettings delivery, DeliveryRouter router, ReplaySettings settings, Clock clock) {
        this.replays = replays;
        this.store = store;
        this.deliveries = deliveries;
        this.delivery = delivery;
        this.router = router;
        this.settings = settings;
        this.clock = clock;
    }

    /** The queue messages of this period, their messages already marked REPLAYED. */
    public List<ReplayTask> next() {
        List<ReplayTask> tasks = new ArrayList<>();
        double seconds = settings.dispatchPeriod().toMillis() / 1000.0;
        for (ReplayStore.Running replay : replays.running()) {
            int budget = (int) Math.max(1, Math.round(replay.ratePerSecond() * seconds));
            Instant now = clock.instant();
            List<ReplayStore.Item> items = replays.claim(replay.id(), budget, now, now.plus(settings.claimLease()));
            items.forEach(item -> tasks.addAll(replay(item)));
            if (items.isEmpty()) {
                replays.finishIfDone(replay.id(), now);
            }
        }
        return tasks;
    }

    /** Records that a task's queue message was sent. */
    public void sent(ReplayTask task) {
        replays.done(task.replayId(), task.seq(), "queued for " + task.destination(), clock.instant());
    }

    private List<ReplayTask> replay(ReplayStore.Item item) {
        Instant now = clock.instant();
        StoredMessage message = store.find(item.messageId()).orElse(null);
        if (message == null) {
            replays.done(item.replayId(), item.seq(), "no such message", now);
            return List.of();
        }
        List<String> targets = targets(item);
        if (targets.isEmpty()) {
            targets = router.targets(message);
        }
        if (targets.isEmpty()) {
            replays.done(item.replayId(), item.seq(), "still no destination for it", now);
            return List.of();
        }
        String detail = "replay " + item.replayId() + " by " + item.actor() + ": " + item.reason();
        store.transition(item.messageId(), null, MessageState.REPLAYED, item.actor(), detail);
        List<ReplayTask> tasks = new ArrayList<>();
        for (String destination : targets) {
            deliveries.mark(item.messageId(), destination, MessageState.REPLAYED, now);
            tasks.add(new ReplayTask(item.replayId(), item.seq(), item.messageId(), destination,
                    delivery.queueOf(destination)));
        }
        return tasks;
    }

    private List<String> targets(ReplayStore.Item item) {
        Map<String, MessageState> states = deliveries.states(item.messageId());
        if (item.destination() != null) {
            return List.of(item.destination());
        }
        List<String> unsettled = states.entrySet().stream()
                .filter(e -> !e.getValue().isTaken())
                .filter(e -> delivery.destinations().containsKey(e.getKey()))
                .map(Map.Entry::getKey)
                .toList();
        return unsettled.isEmpty() ? List.copyOf(states.keySet()) : unsettled;
    }
}
