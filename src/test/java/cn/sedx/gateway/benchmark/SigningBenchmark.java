package cn.sedx.gateway.benchmark;

import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.signing.ExchangePackageVerifier;
import cn.sedx.gateway.signing.ExchangePackageWriter;
import cn.sedx.gateway.signing.PackageEntry;
import cn.sedx.gateway.signing.PackageManifest;
import cn.sedx.gateway.signing.SignatureProfile;
import cn.sedx.gateway.signing.SignatureVerifier;
import cn.sedx.gateway.signing.Signer;
import cn.sedx.gateway.signing.SigningKeys;
import cn.sedx.gateway.signing.SigningSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Not a test: prints, per profile, single-thread sign and verify operations per second over a 2 KiB
 * body, exchange packages built per second for a 2 KiB payload, and a bare BouncyCastle sign loop
 * (one engine, init + update + sign per operation) in the same process, with the ratio of package
 * building to the bare signature. Target: ratio ≤ 1.3. Command in docs/benchmarks.md.
 * Optional argument: seconds measured per figure (default 5), spread over interleaved rounds.
 */
public final class SigningBenchmark {

    private static final int PAYLOAD = 2048;
    private static final String[] KEYS = {"gateway-sm2", "gateway-rsa", "gateway-ecdsa"};

    private final double seconds;
    private final byte[] payload = new byte[PAYLOAD];
    private final SigningKeys keys = new SigningKeys(SigningSettings.defaults(), new DefaultResourceLoader(),
            Clock.systemUTC());
    private final SignatureVerifier verifier = SignatureVerifier.fromTrustStore(
            SigningSettings.defaults().trustStore(), new DefaultResourceLoader());
    private final Provider bc = new BouncyCastleProvider();
    private long sink;

    private SigningBenchmark(double seconds) {
        this.seconds = seconds;
        new Random(42).nextBytes(payload);
    }

    public static void main(String[] args) throws Exception {
        SigningBenchmark benchmark = new SigningBenchmark(args.length > 0 ? Double.parseDouble(args[0]) : 5);
        System.out.printf("%s, %d cores, payload %d B, %.0f s per figure%n", System.getProperty("java.vm.name")
                + " " + Runtime.version(), Runtime.getRuntime().availableProcessors(), PAYLOAD, benchmark.seconds);
        System.out.printf("%-18s %10s %10s %10s %10s %10s %8s%n", "profile", "sign/s", "verify/s", "bare BC/s",
                "package/s", "pkg-ver/s", "ratio");
        for (String key : KEYS) {
            benchmark.run(key);
        }
        System.out.println("ratio = (1 / package/s) / (1 / bare BC/s): cost of building a package relative to "
                + "the bare signature; target <= 1.3. sink=" + benchmark.sink);
    }

    private void run(String keyName) throws Exception {
        Signer signer = keys.signer(keyName);
        byte[] signature = signer.sign(payload);
        Signature bare = bareEngine(signer.profile());
        PrivateKey key = privateKey(keyName);
        ExchangePackageWriter writer = new ExchangePackageWriter();
        ExchangePackageVerifier packageVerifier = new ExchangePackageVerifier(verifier,
                SigningSettings.defaults().packageLimits());
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        built = null;
        List<PackageEntry> entries = List.of(PackageEntry.of("payload.xml", "application/xml", payload));

        Operation[] operations = {
            () -> sink += signer.sign(payload).length,
            () -> verifier.verify(signer.profile(), payload, signature, signer.certificate(), Instant.now()),
            () -> {
                bare.initSign(key);
                bare.update(payload);
                sink += bare.sign().length;
            },
            () -> {
                out.reset();
                writer.write(manifest(), entries, signer, out);
                sink += out.size();
            },
            () -> sink += packageVerifier.verify(new ByteArrayInputStream(lastPackage(writer, signer, entries)))
                    .entries().size()
        };
        double[] perSecond = interleave(operations);
        System.out.printf("%-18s %10.0f %10.0f %10.0f %10.0f %10.0f %8.2f%n", signer.profile().headerValue(),
                perSecond[0], perSecond[1], perSecond[2], perSecond[3], perSecond[4], perSecond[2] / perSecond[3]);
    }

    private byte[] built;

    private byte[] lastPackage(ExchangePackageWriter writer, Signer signer, List<PackageEntry> entries) {
        if (built == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writer.write(manifest(), entries, signer, out);
            built = out.toByteArray();
        }
        return built;
    }

    private Signature bareEngine(SignatureProfile profile) throws Exception {
        return switch (profile) {
            case SM2_SM3 -> {
                Signature engine = Signature.getInstance("SM3withSM2", bc);
                engine.setParameter(new SM2ParameterSpec("1234567812345678".getBytes()));
                yield engine;
            }
            case RSA_SHA256 -> Signature.getInstance("SHA256withRSA", bc);
            case ECDSA_P256_SHA256 -> Signature.getInstance("SHA256withECDSA", bc);
        };
    }

    private PrivateKey privateKey(String keyName) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12", bc);
        try (InputStream in = Files.newInputStream(Path.of("certs-sample", keyName + ".p12"))) {
            store.load(in, "sedx-sample".toCharArray());
        }
        return (PrivateKey) store.getKey("signing", "sedx-sample".toCharArray());
    }

    private static PackageManifest manifest() {
        return new PackageManifest("bench-" + System.nanoTime(), MessageType.PERSONNEL_FILING,
                new PackageManifest.Party("广东省市场监督管理局", "91350100M000100Y43", "440000"),
                List.of("特种设备安全监管平台"), List.of(), Instant.now(), null);
    }

    /**
     * Warms every operation up, then runs them in shuffled turns of short slices, many rounds, so that a change
     * in background load hits all of them alike; returns the median over the rounds of each
     * operation's rate, which a load spike in one round does not move.
     */
    private double[] interleave(Operation[] operations) throws Exception {
        for (Operation operation : operations) {
            loop(operation, seconds / 5);
        }
        int rounds = (int) Math.max(5, seconds * 5);
        double[][] rates = new double[operations.length][rounds];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < operations.length; i++) {
            order.add(i);
        }
        Random shuffle = new Random(7);
        for (int round = 0; round < rounds; round++) {
            // a new order each round, so no operation always runs in the same slot
            Collections.shuffle(order, shuffle);
            for (int i : order) {
                long start = System.nanoTime();
                long count = loop(operations[i], seconds / rounds);
                rates[i][round] = count / ((System.nanoTime() - start) / 1e9);
            }
        }
        double[] medians = new double[operations.length];
        for (int i = 0; i < operations.length; i++) {
            Arrays.sort(rates[i]);
            medians[i] = rates[i][rounds / 2];
        }
        return medians;
    }

    private static long loop(Operation operation, double seconds) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long count = 0;
        while (System.nanoTime() < end) {
            operation.run();
            count++;
        }
        return count;
    }

    @FunctionalInterface
    private interface Operation {
        void run() throws Exception;
    }
}
