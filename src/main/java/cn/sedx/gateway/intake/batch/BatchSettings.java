package cn.sedx.gateway.intake.batch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the batch-file intake ({@code sedx.batch.*}).
 *
 * @param enabled       whether the inbox is watched at all
 * @param root          the inbox root; each submitting system drops its files in {@code <root>/<system id>/}
 * @param pollDelay     how often the inbox is scanned
 * @param maxRecordSize largest single record (a JSON line, an XML filing, a CSV filing group)
 * @param progressEvery a progress line is logged every this many records (CSV: rows)
 * @param systems       per-system settings, by system id; a system not listed gets the defaults
 */
@Validated
@ConfigurationProperties("sedx.batch")
record BatchSettings(
        @DefaultValue("true") boolean enabled,
        @NotNull Path root,
        @NotNull @DefaultValue("2s") Duration pollDelay,
        @NotNull @DefaultValue("12MB") DataSize maxRecordSize,
        @Min(1) @DefaultValue("10000") int progressEvery,
        @NotNull @DefaultValue({}) Map<String, @Valid SystemInbox> systems) {

    /** Whether a file of {@code system} is refused whole when any of its records fails. */
    public boolean allOrNothing(String system) {
        SystemInbox inbox = systems.get(system);
        return inbox != null && inbox.allOrNothing();
    }

    /**
     * Settings of one system's inbox.
     *
     * @param allOrNothing refuse the whole file (store none of it) when any record fails
     */
    public record SystemInbox(@DefaultValue("false") boolean allOrNothing) {}
}
