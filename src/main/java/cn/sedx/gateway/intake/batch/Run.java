package cn.sedx.gateway.intake.batch;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The counters of one pass over a batch file. */
final class Run {

    final String system;
    final String file;
    final FileFacts facts;
    long records;
    long rows;
    long accepted;
    long repeated;
    long failed;
    private long nextProgress;

    Run(String system, String file, FileFacts facts) {
        this.system = system;
        this.file = file;
        this.facts = facts;
    }

    void reset() {
        records = 0;
        rows = 0;
        accepted = 0;
        repeated = 0;
        failed = 0;
        nextProgress = 0;
    }

    /** Counts one record and reports its errors, if any. */
    void take(BatchRecord record, List<Violation> errors, ErrorReport report, long rowsSoFar) {
        records++;
        rows = rowsSoFar;
        if (errors.isEmpty()) {
            accepted++;
            return;
        }
        failed++;
        try {
            for (Violation violation : errors) {
                report.add(record.locate().apply(violation.pointer()), violation);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the error report", e);
        }
    }

    /** The file could not be read on: one error at the record reached. */
    void unreadable(IOException cause, ErrorReport report) throws IOException {
        failed++;
        long where = cause instanceof CsvRows.RowTooLong tooLong ? tooLong.line() : records + 1;
        report.add(new BatchRecord.Location(where, ""), Violation.of(ErrorCode.BATCH_FILE_UNREADABLE, "",
                "文件在此处无法继续读取", "the file cannot be read on from here"));
    }

    /** True once per {@code every} rows passed. */
    boolean progressDue(int every) {
        if (nextProgress == 0) {
            nextProgress = every;
        }
        if (rows >= nextProgress) {
            nextProgress += every;
            return true;
        }
        return false;
    }
}
