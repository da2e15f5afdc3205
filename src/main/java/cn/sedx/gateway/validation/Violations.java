package cn.sedx.gateway.validation;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.PersonalDataMask;
import cn.sedx.gateway.shared.Violation;
import java.util.ArrayList;
import java.util.List;

/** Collects the errors and warnings of one validation. Not thread-safe; one per call. */
final class Violations {

    private final List<Violation> errors = new ArrayList<>();
    private final List<Violation> warnings = new ArrayList<>();

    /** Adds an error; details are masked again in case personal data slipped in. */
    void error(ErrorCode code, String pointer, String detailZh, String detailEn) {
        errors.add(Violation.of(code, pointer, PersonalDataMask.text(detailZh), PersonalDataMask.text(detailEn)));
    }

    /** Adds an error with the code's default messages. */
    void error(ErrorCode code, String pointer) {
        errors.add(Violation.of(code, pointer));
    }

    /** Adds a warning, which does not refuse the filing. */
    void warning(ErrorCode code, String pointer, String detailZh, String detailEn) {
        warnings.add(Violation.of(code, pointer, PersonalDataMask.text(detailZh), PersonalDataMask.text(detailEn)));
    }

    void addErrors(List<Violation> violations) {
        errors.addAll(violations);
    }

    void addWarnings(List<Violation> violations) {
        warnings.addAll(violations);
    }

    List<Violation> errors() {
        return errors;
    }

    List<Violation> warnings() {
        return warnings;
    }
}
