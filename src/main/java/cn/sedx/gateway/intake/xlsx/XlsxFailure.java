package cn.sedx.gateway.intake.xlsx;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.Violation;
import java.io.IOException;

/** A workbook that cannot be read on, with the code and bilingual message its error report carries. */
public final class XlsxFailure extends IOException {

    private final transient Violation violation;
    private final long row;

    XlsxFailure(ErrorCode code, long row, String zh, String en, Throwable cause) {
        this(Violation.of(code, "", zh, en), row, cause);
    }

    private XlsxFailure(Violation violation, long row, Throwable cause) {
        super(violation.code() + ": " + violation.messageEn(), cause);
        this.violation = violation;
        this.row = row;
    }

    XlsxFailure(ErrorCode code, long row, String zh, String en) {
        this(code, row, zh, en, null);
    }

    /** The violation to report (pointer empty: the whole workbook, or the sheet from {@link #row()} on). */
    public Violation violation() {
        return violation;
    }

    /** The row the failure was met at (1 when the workbook could not be opened). */
    public long row() {
        return row;
    }

    /** The same failure, met at {@code row}. */
    XlsxFailure at(long row) {
        return new XlsxFailure(violation, row, getCause());
    }

    /**
     * What a POI or XML failure means for the clerk: a zip bomb (ratio or inflated size over the limit), or an
     * unreadable workbook. POI reports both zip-bomb cases as plain {@link IOException}s with a fixed message,
     * possibly wrapped, so the chain of causes is searched.
     */
    static XlsxFailure of(Throwable failure, long row) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof XlsxFailure known) {
                return known;
            }
            String message = String.valueOf(t.getMessage());
            if (message.startsWith("Zip bomb detected") && message.contains("ratio")) {
                return new XlsxFailure(ErrorCode.XLSX_ZIP_BOMB, row, "压缩比低于下限", "the inflate ratio is below the limit",
                        failure);
            }
            if (message.startsWith("Zip bomb detected")) {
                return new XlsxFailure(ErrorCode.XLSX_PART_TOO_LARGE, row, "部件解压后超过上限",
                        "a part inflates beyond the limit", failure);
            }
        }
        return new XlsxFailure(ErrorCode.XLSX_UNREADABLE, row, "文件不是有效的 .xlsx 工作簿或已损坏",
                "the file is not a valid .xlsx workbook, or it is damaged", failure);
    }
}
