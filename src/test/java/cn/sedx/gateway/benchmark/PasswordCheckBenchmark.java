package cn.sedx.gateway.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What an operator password check costs (a benchmark, not a test): the CPU time of the checking thread per bcrypt
 * check, as the gateway's password encoder runs it, for a wrong password of the sample operator (cost 12), for an
 * unknown user name checked against a dummy hash of the same cost (what {@code OperatorAuthentication} does, so the
 * answer time does not tell which names exist) and against Spring's own cost-10 dummy (what it would cost without
 * that). From the first figure: the CPU forty parallel wrong passwords would take unthrottled, and the at most three
 * the failed-authentication throttle lets run ({@code ThrottlingTests} counts the checks; this prints their cost).
 *
 * <p>Arguments: {@code [rounds=7]}, checks per figure (the median is printed). See docs/benchmarks.md.
 */
public final class PasswordCheckBenchmark {

    /** The sample operator's hash (application.yaml, sedx.security.operators.operator). */
    private static final String SAMPLE_OPERATOR = "{bcrypt}$2a$12$/rFN6MlISA.lZb5OicuUQ.jlR7AA.lZkQKSGKeryClb/0MZfB0djK";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PasswordCheckBenchmark() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        String sameCost = "{bcrypt}" + new BCryptPasswordEncoder(12).encode("a random dummy password");
        String springDummy = "{bcrypt}" + new BCryptPasswordEncoder(10).encode("a random dummy password");

        double known = medianCpuMs(encoder, SAMPLE_OPERATOR, rounds);
        double unknown = medianCpuMs(encoder, sameCost, rounds);
        double cheaper = medianCpuMs(encoder, springDummy, rounds);
        System.out.printf("%s, %d cores, %d checks per figure (median CPU of the checking thread)%n",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors(), rounds);
        System.out.printf("wrong password of a known operator (cost 12): %.1f ms%n", known);
        System.out.printf("unknown user name, dummy of the same cost:     %.1f ms (%.2f x the known)%n", unknown,
                unknown / known);
        System.out.printf("unknown user name, Spring's cost-10 dummy:     %.1f ms (%.2f x the known)%n", cheaper,
                cheaper / known);
        System.out.printf("40 parallel wrong passwords: %.1f s CPU unthrottled; %.2f s with the throttle's 3 checks%n",
                40 * known / 1e3, 3 * known / 1e3);
    }

    private static double medianCpuMs(PasswordEncoder encoder, String hash, int rounds) {
        encoder.matches("warm-up", hash);
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long before = THREADS.getCurrentThreadCpuTime();
            if (encoder.matches("wrong-password-" + i, hash)) {
                throw new IllegalStateException("a wrong password matched");
            }
            ms.add((THREADS.getCurrentThreadCpuTime() - before) / 1e6);
        }
        return ms.stream().sorted().toList().get(rounds / 2);
    }
}
