package cn.sedx.gateway.intake.batch;

import cn.sedx.gateway.intake.IntakeReceipt;
import cn.sedx.gateway.intake.Submission;
import cn.sedx.gateway.model.CanonicalJson;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import cn.sedx.gateway.validation.FilingValidator;
import cn.sedx.gateway.validation.ValidationOutcome;
import cn.sedx.gateway.validation.ValidationSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The gateway's real validator behind the batch intake, without a store: refused records throw as the intake does. */
final class ValidatingSink implements FilingSink {

    final List<Submission> accepted = new ArrayList<>();
    private final FilingValidator validator = new FilingValidator(ValidationSettings.defaults(),
            uscc -> Optional.empty(), Clock.systemDefaultZone());

    @Override
    public IntakeReceipt submit(Submission submission) {
        List<Violation> errors = check(submission);
        if (!errors.isEmpty()) {
            throw SedxException.refused(ErrorCode.VALIDATION_FAILED, "validation failed", errors);
        }
        accepted.add(submission);
        return new IntakeReceipt("id-" + accepted.size(), submission.type(), "RECEIVED", Instant.now(), false,
                List.of());
    }

    @Override
    public List<Violation> check(Submission submission) {
        ValidationOutcome outcome = validator.validate(submission.type(), tree(submission.body()));
        return outcome.errors();
    }

    static JsonNode tree(byte[] body) {
        try {
            return CanonicalJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
