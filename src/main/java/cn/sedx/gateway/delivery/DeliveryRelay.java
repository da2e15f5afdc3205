package cn.sedx.gateway.delivery;

import cn.sedx.gateway.delivery.DeliverySettings.Destination;
import cn.sedx.gateway.messagestore.DeliveryAttempt;
import cn.sedx.gateway.messagestore.DeliveryLog;
import cn.sedx.gateway.messagestore.MessageState;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.messagestore.SentRequests.SentRequest;
import cn.sedx.gateway.messagestore.StoredMessage;
import cn.sedx.gateway.metrics.GatewayMetrics;
import cn.sedx.gateway.receipt.Receipt;
import cn.sedx.gateway.receipt.ReceiptVerifier;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.SedxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivery attempts: read the stored payload, transform and sign it, POST it, verify the receipt and decide what
 * happens to the queue message ({@link #attempt}); then record what a batch of attempts came to in one transaction
 * ({@link #record}). Errors a retry may cure (5xx, 408, 429, timeouts, refused or reset connections) are retried with
 * backoff until the give-up age; any other error dead-letters the delivery at once (FAILED, with its code). Plain
 * Java: the destination lane that calls it owns the JMS session, and commits it after {@link #record} returns.
 */
class DeliveryRelay {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRelay.class);

    private final Destinations destinations;
    private final MessageStore store;
    private final DeliveryStates states;
    private final WireFormats wire;
    private final PlatformClient client;
    private final ReceiptVerifier receipts;
    private final DeliveryBreakers breakers;
    private final Backoffs backoffs;
    private final GatewayMetrics metrics;
    private final boolean keepSentRequests;
    private final Clock clock;

    /** @param keepSentRequests whether each attempt's exact request and answer are kept ({@link SentRequest}) */
    public DeliveryRelay(Destinations destinations, MessageStore store, DeliveryStates states, WireFormats wire,
            PlatformClient client, ReceiptVerifier receipts, DeliveryBreakers breakers, Backoffs backoffs,
            GatewayMetrics metrics, boolean keepSentRequests, Clock clock) {
        this.destinations = destinations;
        this.store = store;
        this.states = states;
        this.wire = wire;
        this.client = client;
        this.receipts = receipts;
        this.breakers = breakers;
        this.backoffs = backoffs;
        this.metrics = metrics;
        this.keepSentRequests = keepSentRequests;
        this.clock = clock;
    }

    /**
     * What one queue message came to, before anything is written.
     *
     * @param recorded the attempt to record, or null when none was made
     * @param sent     the exact request the attempt sent and what came back, or null when nothing was sent
     * @param repair   the detail of a repair of the message's own state (its delivery was already settled), or null
     * @param outcome  what happens to the queue message
     */
    public record Attempted(DeliveryTask task, DeliveryLog.Recorded recorded, SentRequest sent, String repair,
            DeliveryOutcome outcome) {}

    /** Runs the attempt a queue message asks for; writes nothing, never throws for a platform's or a message's fault. */
    public Attempted attempt(DeliveryTask task) throws InterruptedException {
        Destination destination = destinations.find(task.destination()).orElse(null);
        StoredMessage message = store.find(task.messageId()).orElse(null);
        MessageState current = message == null ? null : states.deliveries(task.messageId()).get(task.destination());
        if (destination == null || message == null || (current != null && current.isSettled())) {
            log.info("nothing to deliver for {} to {} (delivery {})", task.messageId(), task.destination(), current);
            // a crash between recording the attempt and settling the message leaves the message behind
            String repair = message != null && current != null ? task.destination() + ": delivery already " + current
                    : null;
            return new Attempted(task, null, null, repair, DeliveryOutcome.done());
        }
        Instant now = clock.instant();
        if (!breakers.tryAcquire(task.destination())) {
            // breaker open: wait on the queue without burning an attempt
            return new Attempted(task, null, null, null, DeliveryOutcome.retry(task.attempt(),
                    task.firstAttemptAt(), now.plus(destination.breaker().openWait())));
        }
        Instant first = task.firstAttemptAt() == null ? now : task.firstAttemptAt();
        long started = System.nanoTime();
        AttemptResult result = attempt(task, destination, message, now);
        Attempted attempted = decide(task, destination, first, now, result);
        metrics.attempt(task.destination(), attempted.recorded().attempt().outcome(),
                Duration.ofNanos(System.nanoTime() - started));
        return attempted;
    }

    /**
     * Records what a batch of attempts came to (attempts, delivery and message states, repairs) in one database
     * transaction; on return it is committed.
     */
    public void record(List<Attempted> batch) {
        List<DeliveryLog.Recorded> records = new ArrayList<>();
        List<SentRequest> sent = new ArrayList<>();
        Map<String, String> repairs = new LinkedHashMap<>();
        for (Attempted attempted : batch) {
            if (attempted.recorded() != null) {
                records.add(attempted.recorded());
            }
            if (attempted.sent() != null) {
                sent.add(attempted.sent());
            }
            if (attempted.repair() != null) {
                repairs.put(attempted.task().messageId(), attempted.repair());
            }
        }
        if (records.isEmpty() && repairs.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (StoredMessage acknowledged : states.recordAll(records, sent, repairs)) {
            metrics.delivered(acknowledged.type(), Duration.between(acknowledged.receivedAt(), now));
        }
    }

    private AttemptResult attempt(DeliveryTask task, Destination destination, StoredMessage message, Instant now)
            throws InterruptedException {
        OutboundRequest request;
        try {
            request = wire.build(task.destination(), destination, message);
        } catch (SedxException e) {
            breakers.release(task.destination());
            return AttemptResult.failed(e.recoverable(), null, e.code(), e.getMessage(), 0);
        }
        long started = System.nanoTime();
        try {
            PlatformAnswer answer = client.post(task.destination(), destination, request);
            long ms = (System.nanoTime() - started) / 1_000_000;
            return judge(task, request, answer, ms).sent(sent(task, message, request, now, answer, null));
        } catch (IOException e) {
            long ms = (System.nanoTime() - started) / 1_000_000;
            breakers.recordFailure(task.destination(), ms, e);
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            return AttemptResult.failed(true, null, ErrorCode.DESTINATION_UNAVAILABLE, error, ms)
                    .sent(sent(task, message, request, now, null, error));
        }
    }

    /** The request as sent, kept for the operators (a chunk of the national upload: its body is the payload). */
    private SentRequest sent(DeliveryTask task, StoredMessage message, OutboundRequest request, Instant at,
            PlatformAnswer answer, String error) {
        if (!keepSentRequests) {
            return null;
        }
        byte[] body = message.type() == MessageType.PERSONNEL_BATCH ? null : request.body();
        return new SentRequest(task.messageId(), task.destination(), at, request.headers(), body,
                answer == null ? null : answer.status(), answer == null ? null : answer.headers(),
                answer == null ? null : answer.body(), error);
    }

    private AttemptResult judge(DeliveryTask task, OutboundRequest request, PlatformAnswer answer, long ms) {
        int status = answer.status();
        if (status >= 500 || status == 408 || status == 429) {
            breakers.recordFailure(task.destination(), ms, new IOException("HTTP " + status));
            return AttemptResult.failed(true, status, ErrorCode.DESTINATION_UNAVAILABLE, "HTTP " + status, ms);
        }
        breakers.recordSuccess(task.destination(), ms);
        if (status != 200) {
            return AttemptResult.failed(false, status, ErrorCode.DESTINATION_REJECTED,
                    "HTTP " + status + " " + excerpt(answer.body()), ms);
        }
        try {
            Receipt receipt = receipts.verify(task.messageId(), task.destination(), request.body(),
                    answer.header(ReceiptVerifier.SIGNATURE_ALGORITHM), answer.header(ReceiptVerifier.SIGNATURE),
                    answer.header(ReceiptVerifier.SIGNER_CERT), answer.body());
            return AttemptResult.acknowledged(status, "receipt " + receipt.status() + " at " + receipt.receivedAt(),
                    ms);
        } catch (SedxException e) {
            return AttemptResult.failed(false, status, ErrorCode.RECEIPT_INVALID, e.getMessage(), ms);
        }
    }

    private Attempted decide(DeliveryTask task, Destination destination, Instant first, Instant now,
            AttemptResult result) {
        Backoff backoff = backoffs.of(task.destination(), destination);
        DeliveryAttempt.Outcome outcome;
        MessageState state;
        ErrorCode code = result.code();
        String detail = result.detail();
        DeliveryOutcome next = DeliveryOutcome.done();
        if (result.acknowledged()) {
            outcome = DeliveryAttempt.Outcome.ACKNOWLEDGED;
            state = MessageState.ACKNOWLEDGED;
        } else if (result.retryable() && !backoff.expired(first, now)) {
            outcome = DeliveryAttempt.Outcome.RETRY;
            state = MessageState.SENT;
            next = DeliveryOutcome.retry(task.attempt() + 1, first, now.plus(backoff.delayAfter(task.attempt())));
        } else {
            outcome = result.retryable() ? DeliveryAttempt.Outcome.EXPIRED : DeliveryAttempt.Outcome.DEAD_LETTERED;
            state = MessageState.FAILED;
            if (result.retryable()) {
                code = ErrorCode.DELIVERY_EXPIRED;
                detail = "gave up after " + destination.retry().giveUpAfter() + "; last error " + result.code()
                        + ": " + result.detail();
            }
        }
        log.info("delivery of {} to {} attempt {}: {}{}", task.messageId(), task.destination(), task.attempt(),
                outcome, code == null ? "" : " " + code);
        DeliveryAttempt attempt = new DeliveryAttempt(task.destination(), task.attempt(), now, result.durationMs(),
                outcome.name(), result.httpStatus(), code == null ? null : code.name(), detail);
        return new Attempted(task, new DeliveryLog.Recorded(task.messageId(), attempt, state), result.sent(), null,
                next);
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) : text;
    }

    /** What one attempt came to, before the retry decision; {@code sent} is null until a request went out. */
    private record AttemptResult(boolean acknowledged, boolean retryable, Integer httpStatus, ErrorCode code,
            String detail, long durationMs, SentRequest sent) {

        static AttemptResult acknowledged(int status, String detail, long ms) {
            return new AttemptResult(true, false, status, null, detail, ms, null);
        }

        static AttemptResult failed(boolean retryable, Integer status, ErrorCode code, String detail, long ms) {
            return new AttemptResult(false, retryable, status, code, detail, ms, null);
        }

        AttemptResult sent(SentRequest request) {
            return new AttemptResult(acknowledged, retryable, httpStatus, code, detail, durationMs, request);
        }
    }
}
