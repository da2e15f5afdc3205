package cn.sedx.gateway.rectification;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of rectification-order tracking ({@code sedx.rectification.*}).
 *
 * @param overdueCheckCron Quartz cron (seconds first) of the overdue check, in the gateway's time zone; it fires on
 *                         one node of a cluster (the clustered job store of {@code sedx.upload.scheduler})
 * @param zone             the calendar deadlines are counted in: an order is overdue from the day after its deadline
 * @param checkBatch       most orders one fire marks overdue (the next fire takes the rest)
 */
@Validated
@ConfigurationProperties("sedx.rectification")
record RectificationSettings(
        @NotBlank @DefaultValue("0 10 0 * * ?") String overdueCheckCron,
        @NotNull @DefaultValue("Asia/Shanghai") ZoneId zone,
        @Min(1) @Max(100000) @DefaultValue("1000") int checkBatch) {}
