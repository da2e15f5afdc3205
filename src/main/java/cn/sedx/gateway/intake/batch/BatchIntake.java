package cn.sedx.gateway.intake.batch;

import cn.sedx.gateway.intake.Submission;
import cn.sedx.gateway.intake.xlsx.ErrorWorkbook;
import cn.sedx.gateway.intake.xlsx.XlsxSettings;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes one batch file, record by record, through a {@link FilingSink}. Plain Java: the batch route hands
 * it the file once its {@code .done} marker is there. Each record's idempotency key is the file's SHA-256 and
 * the record number, so a run that a crash interrupted is simply run again: records already stored are found
 * again (counted as repeated), none is stored twice, none is lost. Memory holds one record at a time.
 */
public final class BatchIntake {

    /** The channel name stored with every message that came in a batch file. */
    public static final String CHANNEL = "BATCH";

    private static final Logger log = LoggerFactory.getLogger(BatchIntake.class);
    // records per chunk: one commit each in the gateway's intake; small enough that a crash repeats little
    private static final int CHUNK = 100;

    private final FilingSink sink;
    private final BatchSettings settings;
    private final XlsxSettings xlsx;
    private final ObjectMapper json = new ObjectMapper();

    BatchIntake(FilingSink sink, BatchSettings settings) {
        this(sink, settings, XlsxSettings.defaults());
    }

    BatchIntake(FilingSink sink, BatchSettings settings, XlsxSettings xlsx) {
        this.sink = sink;
        this.settings = settings;
        this.xlsx = xlsx;
    }

    /** {@link #process(Path, String, BatchProgress)} without progress reports. */
    public BatchSummary process(Path file, String system) throws IOException {
        return process(file, system, BatchProgress.NONE);
    }

    /**
     * Processes {@code file} for {@code system} and writes the error reports and the summary into
     * {@code file}'s folder's {@code processed/} or {@code failed/} subfolder, where the caller moves the file. An
     * .xlsx file with errors also gets {@code <name>.errors.xlsx}, a copy of it with the bad cells marked.
     *
     * @param progress told after each record; it may stop the run by throwing
     */
    public BatchSummary process(Path file, String system, BatchProgress progress) throws IOException {
        long start = System.nanoTime();
        String name = file.getFileName().toString();
        FileFacts facts = FileFacts.of(file);
        Path work = Files.createDirectories(file.resolveSibling(".sedx-work"));
        Run run = new Run(system, name, facts);
        try (ErrorReport errors = new ErrorReport(work, name)) {
            boolean wholeRefused = false;
            if (settings.allOrNothing(system)) {
                pass(file, facts, run, errors, true, progress);
                wholeRefused = run.failed > 0;
            }
            if (!wholeRefused) {
                run.reset();
                pass(file, facts, run, errors, false, progress);
            }
            errors.close();
            if (errors.count() > 0 && format(file).equals("xlsx")) {
                errors.attach(ErrorWorkbook.write(file, errors.files().get(0), work.resolve(name + ".errors.xlsx"), xlsx));
            }
            return finish(file, run, errors, wholeRefused, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private void pass(Path file, FileFacts facts, Run run, ErrorReport errors, boolean checkOnly,
            BatchProgress progress) throws IOException {
        // records are submitted a chunk at a time, so the intake can store a chunk with one commit
        List<Read> chunk = new ArrayList<>();
        try (BatchRecords records = open(file, facts)) {
            while (records.hasNext()) {
                BatchRecord record = records.next();
                long rows = records instanceof RowCounting counting ? counting.rowsRead()
                        : run.records + chunk.size() + 1;
                if (checkOnly) {
                    take(run, new Read(record, rows), check(record, run), errors, true, progress);
                } else {
                    chunk.add(new Read(record, rows));
                    if (chunk.size() >= CHUNK) {
                        submit(chunk, run, errors, progress);
                    }
                }
            }
            submit(chunk, run, errors, progress);
        } catch (UncheckedIOException e) {
            submit(chunk, run, errors, progress);
            run.unreadable(e.getCause(), errors);
        }
    }

    /** A record as read, with the rows read up to it. */
    private record Read(BatchRecord record, long rows) {}

    private void take(Run run, Read read, List<Violation> violations, ErrorReport errors, boolean checkOnly,
            BatchProgress progress) {
        run.take(read.record(), violations, errors, read.rows());
        progress.update(run.records, run.accepted, run.failed, checkOnly);
        if (run.progressDue(settings.progressEvery())) {
            log.info("batch {} from {}: {} rows, {} records, {} accepted, {} failed{}", run.file,
                    run.system, run.rows, run.records, run.accepted, run.failed, checkOnly ? " (check)" : "");
        }
    }

    /** Submits the chunk's readable records together, then takes every record of it in order; empties it. */
    private void submit(List<Read> chunk, Run run, ErrorReport errors, BatchProgress progress) {
        List<Read> readable = chunk.stream().filter(read -> read.record().failure() == null).toList();
        List<FilingSink.Outcome> outcomes = readable.isEmpty() ? List.of()
                : sink.submitAll(readable.stream().map(read -> submission(read.record(), run)).toList());
        int next = 0;
        for (Read read : chunk) {
            if (read.record().failure() != null) {
                take(run, read, read.record().failure().violations(), errors, false, progress);
                continue;
            }
            FilingSink.Outcome outcome = outcomes.get(next++);
            if (outcome.refusal() == null) {
                run.repeated += outcome.receipt().repeated() ? 1 : 0;
                take(run, read, List.of(), errors, false, progress);
            } else {
                SedxException refusal = outcome.refusal();
                take(run, read, refusal.violations().isEmpty() ? List.of(Violation.of(refusal.code(), ""))
                        : refusal.violations(), errors, false, progress);
            }
        }
        chunk.clear();
    }

    private List<Violation> check(BatchRecord record, Run run) {
        return record.failure() != null ? record.failure().violations() : sink.check(submission(record, run));
    }

    private static Submission submission(BatchRecord record, Run run) {
        return new Submission(record.type(), run.system, CHANNEL, run.facts.sha256() + ":" + record.number(),
                record.body(), null);
    }

    private BatchRecords open(Path file, FileFacts facts) throws IOException {
        if (format(file).equals("xlsx")) {
            return new XlsxRecords(file, xlsx);
        }
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        if (facts.bom()) {
            in.skipNBytes(3);
        }
        int maxChars = (int) Math.min(Integer.MAX_VALUE, settings.maxRecordSize().toBytes());
        return switch (format(file)) {
            case "jsonl" -> new JsonLinesRecords(reader(in, facts), maxChars);
            case "xml" -> new XmlBatchRecords(in, settings.maxRecordSize().toBytes());
            case "csv" -> new CsvPersonnelRecords(reader(in, facts), maxChars, 10_000);
            default -> throw new IllegalArgumentException("not a batch file: " + file.getFileName());
        };
    }

    private static Reader reader(InputStream in, FileFacts facts) {
        return new InputStreamReader(in, facts.charset());
    }

    static String format(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private BatchSummary finish(Path file, Run run, ErrorReport errors, boolean wholeRefused, long ms)
            throws IOException {
        String outcome = (run.failed == 0 && run.records > 0 ? BatchOutcome.PROCESSED : BatchOutcome.FAILED).folder();
        Path target = Files.createDirectories(file.resolveSibling(outcome));
        List<String> reports = new ArrayList<>();
        for (Path report : errors.files()) {
            Files.move(report, target.resolve(report.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            reports.add(report.getFileName().toString());
        }
        reports.add(run.file + ".summary.json");
        BatchSummary summary = new BatchSummary(run.file, run.system, format(file), run.facts.charset().name(),
                run.facts.sha256(), run.records, run.rows, wholeRefused ? 0 : run.accepted,
                run.repeated, run.failed, wholeRefused, ms, outcome, reports);
        json.writerWithDefaultPrettyPrinter().writeValue(target.resolve(run.file + ".summary.json").toFile(), summary);
        log.info("batch {} from {} done in {} ms: {} records ({} rows), {} accepted ({} from an earlier run), "
                        + "{} failed{} -> {}/", run.file, run.system, ms, run.records, run.rows, summary.accepted(),
                run.repeated, run.failed, wholeRefused ? ", refused whole (all-or-nothing)" : "", outcome);
        return summary;
    }
}
