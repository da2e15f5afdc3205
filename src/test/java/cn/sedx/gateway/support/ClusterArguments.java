package cn.sedx.gateway.support;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The command-line arguments of a gateway in a JVM of its own ({@link GatewayProcess}) for the multi-process tests
 * and benchmarks: pointed at simulators running elsewhere, and as a node of a cluster as docs/scale-out.md deploys
 * one (PostgreSQL, the Artemis pair, one store key for all nodes).
 */
public final class ClusterArguments {

    private ClusterArguments() {}

    /** The gateway's destinations at the simulators on {@code simulatorPort}, its own simulators off. */
    public static List<String> platforms(int simulatorPort) {
        List<String> arguments = new ArrayList<>(List.of("--sedx.simulator.enabled=false"));
        for (String destination : List.of("province-44", "province-11", "national-platform", "document-exchange")) {
            String kind = destination.startsWith("province") ? "provincial" : "national";
            arguments.add("--sedx.delivery.destinations." + destination + ".url=http://localhost:" + simulatorPort
                    + "/sim/" + kind + "/" + destination);
        }
        return arguments;
    }

    /**
     * A cluster node on {@code database} and the broker {@code pair} (the URL lists both, {@code ha=true}), with the
     * simulators on {@code simulatorPort}; {@code storeKey} is the payload key every node of the cluster shares
     * ({@link #storeKey()}).
     */
    public static List<String> node(int simulatorPort, PrivatePostgres database, ArtemisBroker.Pair pair,
            String brokerUser, String brokerPassword, String storeKey) {
        List<String> arguments = new ArrayList<>(platforms(simulatorPort));
        arguments.addAll(List.of(
                "--spring.artemis.mode=native",
                "--spring.artemis.broker-url=" + pair.url(),
                "--spring.artemis.user=" + brokerUser, "--spring.artemis.password=" + brokerPassword,
                // without it Spring Boot still starts an idle embedded broker next to the native connection
                "--spring.artemis.embedded.enabled=false",
                "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=",
                // nodes of one cluster seal stored payloads under one key, as production nodes do (SEDX_STORE_KEY)
                "--sedx.store.encryption.key-id=cluster", "--sedx.store.encryption.key=" + storeKey));
        return arguments;
    }

    /** A fresh random payload key (AES-128, base64) for the nodes of one cluster. */
    public static String storeKey() {
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
