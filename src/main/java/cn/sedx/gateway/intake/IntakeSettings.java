package cn.sedx.gateway.intake;

import cn.sedx.gateway.shared.MessageType;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the intake ({@code sedx.intake.*}).
 *
 * @param maxBodySize       largest body accepted of a type without attachments (personnel filing, safety record,
 *                          training record, rectification order)
 * @param maxReportBodySize largest body accepted of a type with attachments (year-end report, agency report,
 *                          rectification order change), which travel inside it
 * @param maxNestingDepth   deepest JSON nesting accepted
 * @param maxStringLength   longest JSON string accepted (attachments' base64 included)
 */
@Validated
@ConfigurationProperties("sedx.intake")
public record IntakeSettings(
        @NotNull @DefaultValue("1MB") DataSize maxBodySize,
        @NotNull @DefaultValue("10MB") DataSize maxReportBodySize,
        @Min(4) @DefaultValue("32") int maxNestingDepth,
        @Min(1024) @DefaultValue("15000000") int maxStringLength) {

    /** The largest body accepted for {@code type}: types whose files travel inside the body get the larger limit. */
    public DataSize maxBodySizeOf(MessageType type) {
        return switch (type) {
            case YEAR_END_REPORT, AGENCY_REPORT, RECTIFICATION_ORDER_CHANGE -> maxReportBodySize;
            case PERSONNEL_FILING, SAFETY_RECORD, TRAINING_RECORD, RECTIFICATION_ORDER, PERSONNEL_BATCH -> maxBodySize;
        };
    }
}
