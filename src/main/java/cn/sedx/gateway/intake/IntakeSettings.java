package cn.sedx.gateway.intake;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the intake ({@code sedx.intake.*}).
 *
 * @param maxBodySize       largest personnel filing or safety record body accepted
 * @param maxReportBodySize largest year-end report body accepted (attachments travel inside it)
 * @param maxNestingDepth   deepest JSON nesting accepted
 * @param maxStringLength   longest JSON string accepted (attachments' base64 included)
 */
@Validated
@ConfigurationProperties("sedx.intake")
public record IntakeSettings(
        @NotNull @DefaultValue("1MB") DataSize maxBodySize,
        @NotNull @DefaultValue("10MB") DataSize maxReportBodySize,
        @Min(4) @DefaultValue("32") int maxNestingDepth,
        @Min(1024) @DefaultValue("15000000") int maxStringLength) {}
