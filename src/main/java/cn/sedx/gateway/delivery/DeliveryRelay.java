package cn.sedx.gateway.delivery;

import cn.sedx.gateway.delivery.DeliverySettings.Destination;
import cn.sedx.gateway.messagestore.DeliveryAttempt;
import cn.sedx.gateway.messagestore.MessageState;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.messagestore.StoredMessage;
import cn.sedx.gateway.receipt.Receipt;
import cn.sedx.gateway.receipt.ReceiptVerifier;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery attempt: read the stored payload, transform and sign it, POST it, verify the receipt, record
 * the attempt and decide what happens to the queue message. Errors a retry may cure (5xx, 408, 429, timeouts,
 * refused or reset connections) are retried with backoff until the give-up age; any other error dead-letters
 * the delivery at once (FAILED, with its code). Plain Java: the route that calls it owns the JMS transaction.
 */
public class DeliveryRelay {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRelay.class);
    private static final Set<MessageState> SETTLED = EnumSet.of(MessageState.ACKNOWLEDGED, MessageState.FAILED,
            MessageState.SIGNED_FOR, MessageState.RETURNED);

    private final Destinations destinations;
    private final MessageStore store;
    private final DeliveryStates states;
    private final WireFormats wire;
    private final PlatformClient client;
    private final ReceiptVerifier receipts;
    private final DeliveryBreakers breakers;
    private final Backoffs backoffs;
    private final Clock clock;

    public DeliveryRelay(Destinations destinations, MessageStore store, DeliveryStates states, WireFormats wire,
            PlatformClient client, ReceiptVerifier receipts, DeliveryBreakers breakers, Backoffs backoffs,
            Clock clock) {
        this.destinations = destinations;
        this.store = store;
        this.states = states;
        this.wire = wire;
        this.client = client;
        this.receipts = receipts;
        this.breakers = breakers;
        this.backoffs = backoffs;
        this.clock = clock;
    }

    /** Runs the attempt a queue message asks for; never throws for a platform's or a message's fault. */
    public DeliveryOutcome deliver(DeliveryTask task) throws InterruptedException {
        Destination destination = destinations.find(task.destination()).orElse(null);
        StoredMessage message = store.find(task.messageId()).orElse(null);
        MessageState current = states.deliveries(task.messageId()).get(task.destination());
        if (destination == null || message == null || SETTLED.contains(current)) {
            log.info("nothing to deliver for {} to {} (delivery {})", task.messageId(), task.destination(), current);
            if (message != null && current != null) {
                // a crash between recording the attempt and settling the message leaves the message behind
                states.settle(task.messageId(), task.destination() + ": delivery already " + current);
            }
            return DeliveryOutcome.done();
        }
        Instant now = clock.instant();
        if (!breakers.tryAcquire(task.destination())) {
            // breaker open: wait on the queue without burning an attempt
            return DeliveryOutcome.retry(task.attempt(), task.firstAttemptAt(),
                    now.plus(destination.breaker().openWait()));
        }
        states.sending(message, task.destination());
        Instant first = task.firstAttemptAt() == null ? now : task.firstAttemptAt();
        AttemptResult result = attempt(task, destination, message);
        return settle(task, destination, first, now, result);
    }

    private AttemptResult attempt(DeliveryTask task, Destination destination, StoredMessage message)
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
            return judge(task, request, answer, ms);
        } catch (IOException e) {
            long ms = (System.nanoTime() - started) / 1_000_000;
            breakers.recordFailure(task.destination(), ms, e);
            return AttemptResult.failed(true, null, ErrorCode.DESTINATION_UNAVAILABLE,
                    e.getClass().getSimpleName() + ": " + e.getMessage(), ms);
        }
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

    private DeliveryOutcome settle(DeliveryTask task, Destination destination, Instant first, Instant now,
            AttemptResult result) {
        Backoff backoff = backoffs.of(task.destination(), destination);
        String outcome;
        MessageState state;
        ErrorCode code = result.code();
        String detail = result.detail();
        DeliveryOutcome next = DeliveryOutcome.done();
        if (result.acknowledged()) {
            outcome = "ACKNOWLEDGED";
            state = MessageState.ACKNOWLEDGED;
        } else if (result.retryable() && !backoff.expired(first, now)) {
            outcome = "RETRY";
            state = MessageState.SENT;
            next = DeliveryOutcome.retry(task.attempt() + 1, first, now.plus(backoff.delayAfter(task.attempt())));
        } else {
            outcome = result.retryable() ? "EXPIRED" : "DEAD_LETTERED";
            state = MessageState.FAILED;
            if (result.retryable()) {
                code = ErrorCode.DELIVERY_EXPIRED;
                detail = "gave up after " + destination.retry().giveUpAfter() + "; last error " + result.code()
                        + ": " + result.detail();
            }
        }
        states.record(task.messageId(), new DeliveryAttempt(task.destination(), task.attempt(), now,
                result.durationMs(), outcome, result.httpStatus(), code == null ? null : code.name(), detail), state);
        log.info("delivery of {} to {} attempt {}: {}{}", task.messageId(), task.destination(), task.attempt(),
                outcome, code == null ? "" : " " + code);
        return next;
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) : text;
    }

    /** What one attempt came to, before the retry decision. */
    private record AttemptResult(boolean acknowledged, boolean retryable, Integer httpStatus, ErrorCode code,
            String detail, long durationMs) {

        static AttemptResult acknowledged(int status, String detail, long ms) {
            return new AttemptResult(true, false, status, null, detail, ms);
        }

        static AttemptResult failed(boolean retryable, Integer status, ErrorCode code, String detail, long ms) {
            return new AttemptResult(false, retryable, status, code, detail, ms);
        }
    }
}
