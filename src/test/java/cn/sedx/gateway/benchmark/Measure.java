package cn.sedx.gateway.benchmark;

import cn.sedx.gateway.support.GatewayProcess;
import java.time.Duration;
import java.util.Map;

/**
 * CPU spent by the processes of a benchmark between two moments, read from the operating system: the gateway
 * (also by thread group), the separate simulators if any, and the local PostgreSQL server's processes.
 */
final class Measure {

    private final GatewayProcess gateway;
    private final GatewayProcess simulators;
    private final long startedNanos;
    private final Duration gatewayCpu;
    private final Duration simulatorCpu;
    private final double postgresMs;
    private final Map<String, Map.Entry<String, Double>> threads;

    private final boolean postgres;

    private Measure(GatewayProcess gateway, GatewayProcess simulators, boolean postgres) {
        this.postgres = postgres;
        this.gateway = gateway;
        this.simulators = simulators;
        this.startedNanos = System.nanoTime();
        this.gatewayCpu = gateway.cpu();
        this.simulatorCpu = simulators == null ? Duration.ZERO : simulators.cpu();
        this.postgresMs = PostgresCpu.millis();
        this.threads = ThreadCpu.snapshot(gateway.pid());
    }

    /** @param postgres whether the gateway's store is the local PostgreSQL server, whose CPU then counts too */
    static Measure start(GatewayProcess gateway, GatewayProcess simulators, boolean postgres) {
        return new Measure(gateway, simulators, postgres);
    }

    Spent stop() {
        return new Spent((System.nanoTime() - startedNanos) / 1e9,
                gateway.cpu().minus(gatewayCpu).toNanos() / 1e6,
                simulators == null ? 0 : simulators.cpu().minus(simulatorCpu).toNanos() / 1e6,
                simulators != null, postgres ? PostgresCpu.millis() - postgresMs : 0,
                ThreadCpu.between(threads, ThreadCpu.snapshot(gateway.pid())));
    }

    /** What was spent: wall seconds and CPU milliseconds. */
    record Spent(double seconds, double gatewayMs, double simulatorMs, boolean separateSimulators,
            double postgresMs, Map<String, Double> byThreadGroup) {

        void print(int units, DeliveryBenchmark.Floor floor) {
            double perUnit = gatewayMs / units;
            double share = separateSimulators ? floor.perDelivery() / 2 : floor.perDelivery();
            System.out.printf("gateway CPU: %.1f s over %.1f s wall (%.2f cores): %.3f ms per filing = %.2f x the"
                    + " floor%s (%.3f ms)%n", gatewayMs / 1e3, seconds, gatewayMs / 1e3 / seconds, perUnit,
                    perUnit / share, separateSimulators ? "'s gateway share" : "", share);
            if (separateSimulators) {
                System.out.printf("simulators CPU: %.3f ms per filing%n", simulatorMs / units);
            }
            if (postgresMs > 0) {
                System.out.printf("PostgreSQL server CPU: %.3f ms per filing; gateway + PostgreSQL %.3f ms%n",
                        postgresMs / units, (gatewayMs + postgresMs) / units);
            }
            StringBuilder groups = new StringBuilder("gateway CPU by thread group, ms per filing:");
            DeliveryBenchmark.top(byThreadGroup, 14).forEach((group, ms) -> groups.append(String.format(
                    " %s %.3f;", group, ms / units)));
            System.out.println(groups);
        }
    }
}
