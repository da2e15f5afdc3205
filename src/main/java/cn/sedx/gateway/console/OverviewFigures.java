package cn.sedx.gateway.console;

import cn.sedx.gateway.delivery.DeliveryBreakers;
import cn.sedx.gateway.delivery.DeliverySettings;
import cn.sedx.gateway.delivery.DestinationKind;
import cn.sedx.gateway.messagestore.MessageState;
import cn.sedx.gateway.replay.ReplaySettings;
import cn.sedx.gateway.signing.SignatureProfile;
import cn.sedx.gateway.signing.SigningKeys;
import cn.sedx.gateway.signing.SigningSettings;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Gathers what the overview and the destinations page show, from the store, the broker and the breakers. */
@Component
@ConsoleEnabled
class OverviewFigures {

    private final ConsoleReads reads;
    private final RecordReads records;
    private final BrokerQueues queues;
    private final ObjectProvider<DeliveryBreakers> breakers;
    private final DeliverySettings delivery;
    private final SigningKeys keys;
    private final SigningSettings signing;
    private final ReplaySettings replay;
    private final AuditChainStatus audit;
    private final ConsoleSettings settings;
    private final Clock clock;

    OverviewFigures(ConsoleReads reads, RecordReads records, BrokerQueues queues,
            ObjectProvider<DeliveryBreakers> breakers, DeliverySettings delivery, SigningKeys keys,
            SigningSettings signing, ReplaySettings replay, AuditChainStatus audit, ConsoleSettings settings,
            Clock clock) {
        this.reads = reads;
        this.records = records;
        this.queues = queues;
        this.breakers = breakers;
        this.delivery = delivery;
        this.keys = keys;
        this.signing = signing;
        this.replay = replay;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * One destination as operators watch it.
     *
     * @param queueDepth messages on its queue (scheduled retries included), or null when the broker did not say
     * @param oldestWaitingSince when the oldest message still waiting for it was received, or null
     */
    record DestinationFigures(String name, DestinationKind kind, String breaker, Long queueDepth, long waiting,
            Instant oldestWaitingSince, long deadLetters, long deliveredLastHour, long failedLastHour) {}

    /** A signing key's certificate, when it expires, and whether it needs attention. */
    record KeyExpiry(String name, String profile, String subject, Instant notAfter, boolean expired,
            boolean expiring) {}

    /** What the overview shows. */
    record Overview(Instant at, List<ConsoleReads.Received> receivedToday, long receivedTodayTotal,
            List<DestinationFigures> destinations, long deadLetters, long stuck, Duration stuckAfter,
            long awaitingQueue, List<KeyExpiry> keys, long chainHead, long unsealed,
            List<RecordReads.SignedHead> lastSignedHead, AuditChainStatus.Checked audit,
            List<RecordReads.UploadRun> lastUpload) {

        public long keysNeedingAttention() {
            return keys.stream().filter(k -> k.expired() || k.expiring()).count();
        }
    }

    Overview overview() {
        Instant now = clock.instant();
        Instant startOfDay = LocalDate.now(clock.withZone(settings.zone())).atStartOfDay(settings.zone()).toInstant();
        List<ConsoleReads.Received> today = reads.receivedSince(startOfDay);
        return new Overview(now, today, today.stream().mapToLong(ConsoleReads.Received::count).sum(), destinations(),
                reads.inState(MessageState.FAILED), reads.stuck(now.minus(replay.stuckAfter())), replay.stuckAfter(),
                reads.inState(MessageState.RECEIVED), keys(), records.chainHead(), records.unsealed(),
                records.signedHeads(1), audit.lastChecked(), records.uploadRuns(1));
    }

    List<DestinationFigures> destinations() {
        Instant hourAgo = clock.instant().minus(Duration.ofHours(1));
        Map<String, ConsoleReads.Waiting> waiting = reads.waitingByDestination();
        Map<String, Long> dead = reads.deadLettersByDestination();
        Map<String, ConsoleReads.Attempts> attempts = reads.attemptsSince(hourAgo);
        DeliveryBreakers states = breakers.getIfAvailable();
        List<DestinationFigures> figures = new ArrayList<>();
        delivery.destinations().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            String name = entry.getKey();
            OptionalLong depth = queues.depth(delivery.queueOf(name));
            ConsoleReads.Waiting w = waiting.getOrDefault(name, new ConsoleReads.Waiting(0, null));
            ConsoleReads.Attempts a = attempts.getOrDefault(name, new ConsoleReads.Attempts(0, 0));
            figures.add(new DestinationFigures(name, entry.getValue().kind(),
                    states == null ? "UNKNOWN" : states.state(name).name(),
                    depth.isPresent() ? depth.getAsLong() : null, w.count(), w.oldestReceivedAt(),
                    dead.getOrDefault(name, 0L), a.delivered(), a.failed()));
        });
        return figures;
    }

    List<KeyExpiry> keys() {
        Instant now = clock.instant();
        List<KeyExpiry> expiries = new ArrayList<>();
        keys.certificates().forEach((name, certificate) -> expiries.add(expiry(name, certificate, now)));
        return expiries;
    }

    private KeyExpiry expiry(String name, X509Certificate certificate, Instant now) {
        Instant notAfter = certificate.getNotAfter().toInstant();
        return new KeyExpiry(name, SignatureProfile.forKey(certificate.getPublicKey()).headerValue(),
                certificate.getSubjectX500Principal().getName(), notAfter, now.isAfter(notAfter),
                !now.isAfter(notAfter) && now.plus(signing.expiryWarning()).isAfter(notAfter));
    }
}
