package cn.sedx.gateway.upload;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the scheduled national upload of personnel ({@code sedx.upload.*}).
 *
 * @param enabled       whether the schedule runs on this node (operators can always trigger a run)
 * @param cron          Quartz cron of the scheduled run (seconds first), in the gateway's time zone
 * @param maxRecords    most person records in one chunk (a filing is never split)
 * @param maxBytes      most bytes of batch XML in one chunk (a single larger filing travels alone)
 * @param settleLag     filings accepted this recently are left to the next run, so commits still in flight
 *                      cannot slip behind the watermark
 * @param pageSize      filings read from the store per query
 * @param packagers     threads that write XML and sign chunks beside the reading thread (chunks stay in order)
 * @param staleAfter    a RUNNING run whose node has not reported for this long is taken over
 * @param monitorPeriod how often acknowledgements of chunks are checked and finished runs settled
 * @param signingKey    name of the key chunks are signed with
 * @param recipient     主送 of every chunk: the national platform's name
 * @param sender        the organisation the chunks are sent as
 * @param scheduler     the clustered Quartz scheduler every schedule of the gateway runs on
 */
@Validated
@ConfigurationProperties("sedx.upload")
record UploadSettings(
        @DefaultValue("true") boolean enabled,
        @NotBlank @DefaultValue("0 30 1 * * ?") String cron,
        @Min(1) @DefaultValue("20000") int maxRecords,
        @NotNull @DefaultValue("16MB") DataSize maxBytes,
        @NotNull @DefaultValue("5s") Duration settleLag,
        @Min(10) @Max(10000) @DefaultValue("1000") int pageSize,
        @Min(1) @Max(16) @DefaultValue("2") int packagers,
        @NotNull @DefaultValue("10m") Duration staleAfter,
        @NotNull @DefaultValue("2s") Duration monitorPeriod,
        @NotBlank @DefaultValue("gateway-sm2") String signingKey,
        @NotBlank @DefaultValue("国家特种设备安全监管平台") String recipient,
        @NotNull @Valid Sender sender,
        @NotNull @Valid @DefaultValue Scheduler scheduler) {

    /**
     * The sending organisation named in each chunk's manifest.
     *
     * @param name       organisation name
     * @param uscc       统一社会信用代码
     * @param regionCode 行政区划代码, six digits
     */
    public record Sender(@NotBlank String name, @NotBlank String uscc, @NotBlank String regionCode) {}

    /**
     * The Quartz scheduler (clustered JDBC job store on the gateway's database).
     *
     * @param instanceName    the cluster's name: the same on every node sharing the database
     * @param checkinInterval how often a node tells the cluster it is alive
     * @param misfireThreshold how late a fire may be before it counts as missed (then it runs once, at start-up)
     * @param threads         job threads per node
     */
    public record Scheduler(
            @NotBlank @DefaultValue("sedx-gateway") String instanceName,
            @NotNull @DefaultValue("7500ms") Duration checkinInterval,
            @NotNull @DefaultValue("60s") Duration misfireThreshold,
            @Min(1) @DefaultValue("3") int threads) {}
}
