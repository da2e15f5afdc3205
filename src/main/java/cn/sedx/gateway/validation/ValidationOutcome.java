package cn.sedx.gateway.validation;

import cn.sedx.gateway.shared.Violation;
import java.util.List;

// TEMPORARY STUB
public record ValidationOutcome(List<Violation> errors, List<Violation> warnings, Object filing, String unitUscc, String regionCode) {
    public boolean valid() { return errors.isEmpty(); }
}
