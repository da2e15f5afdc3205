package cn.sedx.gateway.intake;

import cn.sedx.gateway.audit.AuditTrail;
import cn.sedx.gateway.messagestore.DuplicateSubmissionException;
import cn.sedx.gateway.messagestore.MessageState;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.messagestore.NewMessage;
import cn.sedx.gateway.messagestore.StoredMessage;
import cn.sedx.gateway.metrics.GatewayMetrics;
import cn.sedx.gateway.security.SubmissionAuthorizer;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Sha256;
import cn.sedx.gateway.shared.Violation;
import cn.sedx.gateway.validation.FilingValidator;
import cn.sedx.gateway.validation.ValidationOutcome;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way into the gateway for every channel: parse, validate, honour the idempotency key, and store the
 * filing in state RECEIVED. When {@link #submit} returns, the filing is committed to the store; the outbox (the
 * delivery dispatcher) then queues it for each of its destinations. Refusals are {@link SedxException}s listing
 * every violation.
 */
@Service
public class IntakeService {

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);

    private final SubmittedJson json;
    private final FilingValidator validator;
    private final MessageStore store;
    private final ObjectMapper mapper;
    private final SubmissionAuthorizer authorizer;
    private final AuditTrail audit;
    private final GatewayMetrics metrics;
    private final List<AcceptanceStep> steps;
    private final TransactionTemplate transactions;

    /**
     * @param steps              work other features do in the transaction that stores a filing of their types
     * @param transactionManager the transactions of the stored filings (with their steps; a chunk of a batch file)
     */
    public IntakeService(SubmittedJson json, FilingValidator validator, MessageStore store, ObjectMapper mapper,
            SubmissionAuthorizer authorizer, AuditTrail audit, GatewayMetrics metrics, List<AcceptanceStep> steps,
            PlatformTransactionManager transactionManager) {
        this.json = json;
        this.validator = validator;
        this.store = store;
        this.mapper = mapper;
        this.authorizer = authorizer;
        this.audit = audit;
        this.metrics = metrics;
        this.steps = List.copyOf(steps);
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * @throws SedxException with every violation when the submission is refused: FORBIDDEN or
     *     OUT_OF_JURISDICTION for the system, parse errors, VALIDATION_FAILED, IDEMPOTENCY_KEY_CONFLICT
     */
    public IntakeReceipt submit(Submission submission) {
        try {
            IntakeReceipt receipt = accept(submission);
            metrics.received(submission.type(), submission.channel(),
                    receipt.repeated() ? GatewayMetrics.Intake.REPEATED : GatewayMetrics.Intake.ACCEPTED);
            return receipt;
        } catch (SedxException refusal) {
            metrics.received(submission.type(), submission.channel(), GatewayMetrics.Intake.REFUSED);
            audit.record(submission.submittingSystem(), "SUBMISSION_REFUSED", refusal.messageId(),
                    submission.type() + " via " + submission.channel() + ": " + refusal.code() + " "
                            + refusal.violations().stream().map(v -> v.code() + "@" + v.pointer()).toList());
            throw refusal;
        }
    }

    /**
     * What became of one submission of {@link #submitAll}.
     *
     * @param receipt the receipt of an accepted one, else null
     * @param refusal the refusal of a refused one, else null
     */
    public record Result(IntakeReceipt receipt, SedxException refusal) {}

    /**
     * Submits several filings (a chunk of a batch file), each accepted or refused on its own exactly as
     * {@link #submit} would, the accepted ones stored with one commit; when this returns they are committed. Should
     * the shared transaction fail (an idempotency key taken meanwhile by another caller), they are submitted again
     * one by one.
     *
     * @return the outcome of each submission, in order
     */
    public List<Result> submitAll(List<Submission> submissions) {
        try {
            return transactions.execute(status -> submissions.stream().map(this::result).toList());
        } catch (RuntimeException e) {
            log.info("{} submissions stored together failed ({}); submitting them one by one", submissions.size(),
                    e.toString());
            return submissions.stream().map(this::result).toList();
        }
    }

    private Result result(Submission submission) {
        try {
            return new Result(submit(submission), null);
        } catch (SedxException refusal) {
            return new Result(null, refusal);
        }
    }

    private IntakeReceipt accept(Submission submission) {
        authorizer.checkType(submission.submittingSystem(), submission.type());
        // stored on its own (no step shares its transaction): tell a commit of other filings under way to wait for it
        boolean alone = steps.stream().noneMatch(step -> step.handles(submission.type()));
        try (MessageStore.Expected insert = alone ? store.expectInsert() : MessageStore.Expected.NOTHING) {
            return validateAndStore(submission);
        }
    }

    private IntakeReceipt validateAndStore(Submission submission) {
        String sha256 = Sha256.hex(submission.body());
        Optional<IntakeReceipt> repeat = repeatOf(submission, sha256);
        if (repeat.isPresent()) {
            return repeat.get();
        }
        checkReplaced(submission);
        JsonNode tree = json.parse(submission.body());
        ValidationOutcome outcome = validator.validate(submission.type(), tree);
        authorizer.checkRegion(submission.submittingSystem(), outcome.regionCode(), outcome.regionPointer());
        if (!outcome.valid()) {
            log.info("refused {} from {}: {} violation(s), first {}", submission.type(),
                    submission.submittingSystem(), outcome.errors().size(), outcome.errors().get(0).code());
            throw SedxException.refused(ErrorCode.VALIDATION_FAILED, "validation failed",
                    outcome.errors());
        }
        NewMessage message = new NewMessage(submission.type(), submission.submittingSystem(), submission.channel(),
                outcome.unitUscc(), outcome.regionCode(), submission.idempotencyKey(), sha256, submission.body(),
                warningsJson(outcome.warnings()), submission.previousMessageId());
        try {
            StoredMessage stored = store(message, outcome);
            log.info("accepted {} {} from {} via {}", stored.type(), stored.id(), stored.submittingSystem(),
                    stored.channel());
            return receipt(stored, false, outcome.warnings());
        } catch (DuplicateSubmissionException e) {
            return answerRepeat(e.existing(), sha256);
        }
    }

    /** Stores the message; with the steps of its type, in one transaction with them. */
    private StoredMessage store(NewMessage message, ValidationOutcome outcome) {
        String kind = outcome.unitKind() == null ? null : outcome.unitKind().name();
        List<AcceptanceStep> mine = steps.stream().filter(step -> step.handles(message.type())).toList();
        if (mine.isEmpty()) {
            return store.insertReceivedOfKind(message, kind);
        }
        return transactions.execute(status -> {
            StoredMessage stored = store.insertReceivedOfKind(message, kind);
            mine.forEach(step -> step.accepted(stored, outcome.filing()));
            return stored;
        });
    }

    /**
     * A resubmission ({@code previousMessageId}) must replace a year-end report of the same system that the
     * document exchange returned (已退回), and only once: a second correction replaces the first correction.
     */
    private void checkReplaced(Submission submission) {
        String previous = submission.previousMessageId();
        if (previous == null) {
            return;
        }
        boolean valid = submission.type() == MessageType.YEAR_END_REPORT && store.find(previous)
                .filter(p -> p.type() == MessageType.YEAR_END_REPORT)
                .filter(p -> p.submittingSystem().equals(submission.submittingSystem()))
                .filter(p -> p.state() == MessageState.RETURNED)
                .isPresent();
        if (!valid) {
            throw SedxException.refused(ErrorCode.PREVIOUS_VERSION_INVALID, "cannot replace " + previous,
                    List.of(Violation.of(ErrorCode.PREVIOUS_VERSION_INVALID, "replaces")));
        }
    }

    private Optional<IntakeReceipt> repeatOf(Submission submission, String sha256) {
        return store.findByIdempotencyKey(submission.submittingSystem(), submission.idempotencyKey())
                .map(existing -> answerRepeat(existing, sha256));
    }

    private IntakeReceipt answerRepeat(StoredMessage existing, String sha256) {
        if (!existing.bodySha256().equals(sha256)) {
            Violation violation = Violation.of(ErrorCode.IDEMPOTENCY_KEY_CONFLICT, "",
                    "该幂等键已用于报文 " + existing.id(), "the key was used for message " + existing.id());
            throw new SedxException(ErrorCode.IDEMPOTENCY_KEY_CONFLICT, existing.id(),
                    "idempotency key reused with another body", List.of(violation), null);
        }
        return receipt(existing, true, readWarnings(existing.warnings()));
    }

    private static IntakeReceipt receipt(StoredMessage stored, boolean repeated, List<Violation> warnings) {
        return new IntakeReceipt(stored.id(), stored.type(), "RECEIVED", stored.receivedAt(), repeated, warnings);
    }

    private String warningsJson(List<Violation> warnings) {
        if (warnings.isEmpty()) {
            return null;
        }
        try {
            return mapper.writeValueAsString(warnings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise warnings", e);
        }
    }

    private List<Violation> readWarnings(String warnings) {
        if (warnings == null) {
            return List.of();
        }
        try {
            return List.of(mapper.readValue(warnings, Violation[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored warnings are not readable", e);
        }
    }

}
