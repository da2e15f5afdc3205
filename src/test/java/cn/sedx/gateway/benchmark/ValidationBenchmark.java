package cn.sedx.gateway.benchmark;

import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.messagestore.NewMessage;
import cn.sedx.gateway.model.CanonicalJson;
import cn.sedx.gateway.model.PersonnelFiling;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.StoreCiphers;
import cn.sedx.gateway.support.TestDatabases;
import cn.sedx.gateway.support.Uscc;
import cn.sedx.gateway.validation.FilingValidator;
import cn.sedx.gateway.validation.ValidationOutcome;
import cn.sedx.gateway.validation.ValidationSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Validation benchmark (not a test): the CPU time {@link FilingValidator#validate} spends per filing, single
 * thread, for the sample personnel filing, daily check record (its unit's filing on file, read from memory) and
 * year-end report. The body is parsed once outside the measured loop: the figure is the validator's own cost
 * (schema, identifiers, reference tables, business rules, binding to the model). Then the store lookup a safety
 * record's validation makes for its unit's filing, before and after unit kinds. See docs/benchmarks.md.
 *
 * <p>Arguments: {@code [seconds-per-figure [rounds]]} (default 3 and 5). Each figure is the median over the rounds
 * of CPU nanoseconds (this thread's, from {@link ThreadMXBean}) divided by the filings validated in the round.
 */
public final class ValidationBenchmark {

    private static final ObjectMapper JSON = CanonicalJson.mapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T04:00:00Z"), ZoneOffset.UTC);

    private ValidationBenchmark() {}

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        PersonnelFiling onFile = JSON.readValue(Fixtures.bytes("personnel-filing/valid-use-unit.json"),
                PersonnelFiling.class);
        long started = System.nanoTime();
        FilingValidator validator = new FilingValidator(ValidationSettings.defaults(), uscc -> Optional.of(onFile),
                CLOCK);
        System.out.printf("validator built (schemas and reference tables loaded) in %.0f ms%n",
                (System.nanoTime() - started) / 1e6);
        List<Case> cases = List.of(
                new Case("personnel filing (4 persons)", MessageType.PERSONNEL_FILING,
                        "personnel-filing/valid-use-unit.json"),
                new Case("daily check record", MessageType.SAFETY_RECORD, "safety-record/valid-daily-check.json"),
                new Case("year-end report (1 PDF)", MessageType.YEAR_END_REPORT, "year-end-report/valid-report.json"));
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (Case c : cases) {
            JsonNode body = JSON.readTree(Fixtures.bytes(c.fixture()));
            ValidationOutcome outcome = validator.validate(c.type(), body);
            if (!outcome.valid()) {
                throw new IllegalStateException(c.name() + " does not validate: " + outcome.errors());
            }
            measure(validator, c, body, cpu, seconds); // warm-up round, not reported
            List<Double> perFiling = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                perFiling.add(measure(validator, c, body, cpu, seconds));
            }
            Collections.sort(perFiling);
            System.out.printf("%-30s %8.1f µs CPU per filing (median of %d rounds; min %.1f, max %.1f)%n",
                    c.name(), perFiling.get(rounds / 2), rounds, perFiling.get(0), perFiling.get(rounds - 1));
        }
        storeLookups(cpu, seconds, rounds);
    }

    /**
     * What a safety record's "filing on file" costs in the store (embedded H2 in memory, 2,000 units filed): the
     * single lookup by credit code of before issue 13, and the lookup by (credit code, unit kind) of after it.
     */
    private static void storeLookups(ThreadMXBean cpu, double seconds, int rounds) {
        DataSource database = TestDatabases.H2.migrated();
        MessageStore store = new MessageStore(JdbcClient.create(database), CLOCK, event -> { }, StoreCiphers.TEST);
        byte[] payload = Fixtures.bytes("personnel-filing/valid-use-unit.json");
        for (int i = 0; i < 2000; i++) {
            store.insertReceivedOfKind(new NewMessage(MessageType.PERSONNEL_FILING, "bench", "REST",
                    Uscc.numbered("440106", i), "440106", null, "sha", payload, null, null), "USE");
        }
        String uscc = Uscc.numbered("440106", 1000);
        Runnable byCreditCode = () -> store.latestPayload(MessageType.PERSONNEL_FILING, uscc).orElseThrow();
        Runnable byUnit = () -> {
            if (store.unitKinds(MessageType.PERSONNEL_FILING, uscc).size() == 1) {
                store.latestPayload(MessageType.PERSONNEL_FILING, uscc, "USE").orElseThrow();
            }
        };
        for (var lookup : List.of(Map.entry("store: by credit code", byCreditCode),
                Map.entry("store: kinds, then by kind", byUnit))) {
            loop(lookup.getValue(), cpu, seconds);
            List<Double> perLookup = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                perLookup.add(loop(lookup.getValue(), cpu, seconds));
            }
            Collections.sort(perLookup);
            System.out.printf("%-30s %8.1f µs CPU per lookup (median of %d rounds)%n", lookup.getKey(),
                    perLookup.get(rounds / 2), rounds);
        }
    }

    private static double loop(Runnable lookup, ThreadMXBean cpu, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long count = 0;
        while (System.nanoTime() < deadline) {
            lookup.run();
            count++;
        }
        return (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e3 / count;
    }

    /** CPU microseconds per validation over about {@code seconds} of wall time. */
    private static double measure(FilingValidator validator, Case c, JsonNode body, ThreadMXBean cpu,
            double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long count = 0;
        int sink = 0;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 100; i++) {
                sink += validator.validate(c.type(), body).warnings().size();
            }
            count += 100;
        }
        long cpuNanos = cpu.getCurrentThreadCpuTime() - cpuStart;
        if (sink < 0) {
            throw new IllegalStateException("unreachable: keeps the results alive");
        }
        return cpuNanos / 1e3 / count;
    }

    private record Case(String name, MessageType type, String fixture) {}
}
