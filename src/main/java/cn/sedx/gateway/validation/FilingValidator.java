package cn.sedx.gateway.validation;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.springframework.stereotype.Component;

// TEMPORARY STUB - replaced by the validation branch
@Component
public class FilingValidator {
    public ValidationOutcome validate(MessageType type, JsonNode body) {
        if (body.has("bad")) {
            return new ValidationOutcome(List.of(Violation.of(ErrorCode.SCHEMA_VIOLATION, "/bad")), List.of(), null, null, null);
        }
        return new ValidationOutcome(List.of(), List.of(), body, body.path("unit").path("uscc").asText(null), "440106");
    }
}
