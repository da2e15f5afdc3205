package cn.sedx.gateway.intake.batch;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of batch files uploaded over HTTP ({@code sedx.batch-uploads.*}).
 *
 * @param folder         where each upload's file and reports are kept: {@code <folder>/<batch id>/}
 * @param maxUploadSize  largest file accepted (413 beyond)
 * @param workers        uploads processed at the same time on this node (the bounded executor's threads)
 * @param node           this node's name; an upload is processed (and resumed after a crash) by the node that
 *                       stored its file, so every node of a cluster needs its own name
 * @param progressPeriod how often a running upload's counters are written to the database
 */
@Validated
@ConfigurationProperties("sedx.batch-uploads")
public record BatchUploadSettings(
        @NotNull Path folder,
        @NotNull @DefaultValue("100MB") DataSize maxUploadSize,
        @Min(1) @DefaultValue("1") int workers,
        @NotBlank @DefaultValue("local") String node,
        @NotNull @DefaultValue("1s") Duration progressPeriod) {}
