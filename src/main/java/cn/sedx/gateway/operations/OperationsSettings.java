package cn.sedx.gateway.operations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of running the gateway in a data centre ({@code sedx.operations.*}); {@code sedx.home} and
 * {@code sedx.data-dir} are read before binding, by {@link HomeEnvironment}.
 *
 * @param drainDelay          on SIGTERM, how long readiness answers 503 while requests are still served, so the load
 *                            balancer takes the node out before it stops accepting connections
 * @param tlsTerminatingProxy the proxy in front of a gateway that listens on plain HTTP
 */
@Validated
@ConfigurationProperties("sedx.operations")
record OperationsSettings(
        @NotNull @DefaultValue("0s") Duration drainDelay,
        @NotNull @Valid @DefaultValue TlsTerminatingProxy tlsTerminatingProxy) {

    /**
     * A TLS-terminating reverse proxy: the gateway then listens on plain HTTP for it alone and reads the client's
     * address and scheme from its {@code X-Forwarded-*} headers ({@code server.forward-headers-strategy: native}).
     *
     * @param addresses the proxy's IP addresses; only these are trusted to set forwarded headers
     */
    public record TlsTerminatingProxy(@DefaultValue List<String> addresses) {}
}
