package cn.sedx.gateway.intake.batch;

import java.util.List;

/**
 * What became of one batch file.
 *
 * @param records      records read (CSV: filings, i.e. row groups)
 * @param rows         CSV data rows read; equal to records for other formats
 * @param accepted     records stored (or found already stored from an earlier run of the same file)
 * @param repeated     of those, records an earlier run had already stored (a restart after a crash)
 * @param failed       records refused
 * @param wholeRefused true when the system is all-or-nothing and the file was refused whole
 * @param outcome      the folder the file goes to: {@code processed} (no record failed) or {@code failed}
 * @param reports      file names of the error reports and the summary, beside the file in that folder
 */
public record BatchSummary(
        String file,
        String system,
        String format,
        String charset,
        String sha256,
        long records,
        long rows,
        long accepted,
        long repeated,
        long failed,
        boolean wholeRefused,
        long durationMs,
        String outcome,
        List<String> reports) {}
