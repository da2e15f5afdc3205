package cn.sedx.gateway.simulator;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the built-in platform simulators ({@code sedx.simulator.*}); test doubles, off in production.
 *
 * @param enabled           whether the simulators answer under {@code /sim}
 * @param provincialKey     signing key of the provincial platforms' receipts
 * @param nationalKey       signing key of the national platform's and the document exchange's receipts and callbacks
 * @param keep              how many received attempts are kept for inspection (oldest dropped first)
 * @param rememberIds       how many message ids per destination are remembered to spot duplicates
 * @param documentExchanges destinations that behave as the document exchange (send later callbacks)
 * @param callbackUrl       where callbacks go; a relative URL means this process's own port
 * @param callbackMode      default callback: SIGN_FOR, RETURN or NONE
 * @param callbackDelay     how long after receipt the callback is sent
 * @param returnReason      the reason a RETURN callback gives
 * @param standalone        whether this process is the simulators alone (the {@code simulator} profile): every
 *                          path but {@code /sim/**} and {@code /actuator/**} answers 404
 * @param maxBody           the largest delivery a simulated platform reads (larger ones are refused 413)
 * @param maxKeptBody       the most bytes of one received body kept for inspection (the rest is cut off)
 * @param maxKeptBytes      the most bytes of bodies kept for inspection in all (oldest dropped first)
 */
@Validated
@ConfigurationProperties("sedx.simulator")
record SimulatorSettings(
        @DefaultValue("true") boolean enabled,
        @NotBlank @DefaultValue("provincial-sm2") String provincialKey,
        @NotBlank @DefaultValue("national-sm2") String nationalKey,
        @Min(1) @DefaultValue("2000") int keep,
        @Min(1) @DefaultValue("100000") int rememberIds,
        @NotNull @DefaultValue("document-exchange") List<String> documentExchanges,
        @NotNull @DefaultValue("/api/v1/callbacks/document-exchange") URI callbackUrl,
        @NotNull @DefaultValue("SIGN_FOR") CallbackMode callbackMode,
        @NotNull @DefaultValue("2s") Duration callbackDelay,
        @NotBlank @DefaultValue("格式不符合要求 (format not accepted)") String returnReason,
        @DefaultValue("false") boolean standalone,
        @NotNull @DefaultValue("20MB") DataSize maxBody,
        @NotNull @DefaultValue("16MB") DataSize maxKeptBody,
        @NotNull @DefaultValue("32MB") DataSize maxKeptBytes) {

    /** What the simulated document exchange does after receiving a document. */
    public enum CallbackMode { SIGN_FOR, RETURN, NONE }
}
