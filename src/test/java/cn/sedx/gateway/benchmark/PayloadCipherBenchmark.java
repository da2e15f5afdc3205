package cn.sedx.gateway.benchmark;

import cn.sedx.gateway.messagestore.PayloadCipher;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.util.Map;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * CPU cost of sealing and opening stored payloads ({@link PayloadCipher}, SM4-GCM), single thread, per payload
 * size, beside a bare BouncyCastle SM4-GCM loop of the same sizes (what the cipher costs by itself). A main class,
 * not a test; command and figures in docs/benchmarks.md.
 *
 * <p>Arguments: {@code [seconds per figure=3]}.
 */
public final class PayloadCipherBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int[] SIZES = {1_150, 1_625, 16 * 1024, 1024 * 1024};

    private PayloadCipherBenchmark() {}

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        PayloadCipher cipher = PayloadCipher.of("bench", Map.of("bench", key));
        System.out.printf("%10s %14s %14s %14s %12s%n", "bytes", "seal µs CPU", "open µs CPU", "bare BC µs", "open MB/s");
        for (int round = 0; round < 2; round++) {
            for (int size : SIZES) {
                byte[] payload = new byte[size];
                new SecureRandom().nextBytes(payload);
                byte[] sealed = cipher.seal("00000000-0000-0000-0000-000000000000", payload);
                double seal = micros(seconds, () -> cipher.seal("00000000-0000-0000-0000-000000000000", payload));
                double open = micros(seconds, () -> cipher.open("00000000-0000-0000-0000-000000000000", sealed));
                double bare = micros(seconds, bare(key, payload));
                if (round == 1) {
                    System.out.printf("%10d %14.1f %14.1f %14.1f %12.1f%n", size, seal, open, bare, size / open);
                }
            }
        }
    }

    /** CPU microseconds of this thread per call of {@code work}, over about {@code seconds}. */
    private static double micros(double seconds, Runnable work) {
        long calls = 0;
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            for (int i = 0; i < 16; i++) {
                work.run();
            }
            calls += 16;
        }
        return (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e3 / calls;
    }

    /** SM4-GCM with no code of ours: one engine, a fresh nonce and key parameters each call. */
    private static Runnable bare(byte[] key, byte[] payload) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        KeyParameter parameter = new KeyParameter(key);
        SecureRandom random = new SecureRandom();
        byte[] nonce = new byte[12];
        byte[] out = new byte[payload.length + 16];
        return () -> {
            random.nextBytes(nonce);
            gcm.init(true, new AEADParameters(parameter, 128, nonce));
            int written = gcm.processBytes(payload, 0, payload.length, out, 0);
            try {
                gcm.doFinal(out, written);
            } catch (org.bouncycastle.crypto.InvalidCipherTextException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
