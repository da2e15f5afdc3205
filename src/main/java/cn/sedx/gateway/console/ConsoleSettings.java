package cn.sedx.gateway.console;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the operator console ({@code sedx.console.*}, docs/console.md).
 *
 * @param enabled           whether {@code /console/} is served at all
 * @param idleTimeout       a signed-in session ends after this long without a request
 * @param zone              the time zone every time is shown in
 * @param refreshPeriod     how often the overview and a running replay refresh themselves
 * @param pageSize          rows per page of a listing
 * @param countCap          a search counts its matches up to this many, then says "more than"
 * @param probePath         the path below a destination's base URL that "test connection" posts its probe to
 * @param probeTimeout      how long a probe waits for the whole answer
 * @param auditVerifyEvery  the overview re-checks the audit chain in the background when its last check is older
 */
@Validated
@ConfigurationProperties("sedx.console")
record ConsoleSettings(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("15m") Duration idleTimeout,
        @NotNull @DefaultValue("Asia/Shanghai") ZoneId zone,
        @NotNull @DefaultValue("10s") Duration refreshPeriod,
        @Min(5) @Max(200) @DefaultValue("50") int pageSize,
        @Min(100) @DefaultValue("10000") int countCap,
        @NotBlank @DefaultValue("/probe") String probePath,
        @NotNull @DefaultValue("5s") Duration probeTimeout,
        @NotNull @DefaultValue("10m") Duration auditVerifyEvery) {}
