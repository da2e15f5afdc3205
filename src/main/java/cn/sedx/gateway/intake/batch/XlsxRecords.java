package cn.sedx.gateway.intake.batch;

import cn.sedx.gateway.intake.xlsx.XlsxFailure;
import cn.sedx.gateway.intake.xlsx.XlsxRecordSource;
import cn.sedx.gateway.intake.xlsx.XlsxSettings;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Excel workbooks (.xlsx) of the gateway's templates, streamed through {@link XlsxRecordSource}: the record number
 * is the row a record starts on; errors name the row and the column's Chinese header. A workbook that cannot be
 * read (not a workbook, a zip bomb, shared strings over the limit, no template sheet, a header that does not fit, a
 * message type this gateway does not take yet) is one unreadable record, and reading stops there; a failure in the
 * middle of the sheet keeps the records before it.
 */
final class XlsxRecords extends LookAheadRecords implements RowCounting {

    private XlsxRecordSource source;
    private MessageType type;
    private BatchRecord pending;
    private boolean ended;

    XlsxRecords(Path file, XlsxSettings settings) {
        try {
            this.source = XlsxRecordSource.open(file, settings);
            this.type = typeOf(source.layout().messageType());
        } catch (XlsxFailure e) {
            this.pending = failure(e.row(), e.violation());
        }
    }

    private static MessageType typeOf(String name) {
        // the training record's type is built on another branch: until it is merged its template is refused here
        return Arrays.stream(MessageType.values()).filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    @Override
    public long rowsRead() {
        return source == null ? 0 : source.rowsRead();
    }

    @Override
    protected BatchRecord advance() {
        if (pending != null || ended) {
            BatchRecord record = pending;
            pending = null;
            ended = true;
            return record;
        }
        if (type == null) {
            ended = true;
            return failure(1, Violation.of(ErrorCode.XLSX_TYPE_NOT_AVAILABLE, "", "工作表“"
                    + source.layout().sheetName() + "”的记录类型 " + source.layout().messageType() + " 尚未开通",
                    "records of sheet " + source.layout().template() + " (" + source.layout().messageType()
                            + ") are not taken by this gateway yet"));
        }
        try {
            XlsxRecordSource.Record record = source.next();
            if (record == null) {
                return null;
            }
            if (record.body() == null) {
                SedxException failure = SedxException.refused(record.problems().get(0).code(),
                        "unreadable cells", record.problems());
                return BatchRecord.unreadable(record.row(), failure, pointer -> place(record, pointer));
            }
            return BatchRecord.read(record.row(), type, record.body(), pointer -> place(record, pointer));
        } catch (XlsxFailure e) {
            ended = true;
            return failure(e.row(), e.violation());
        }
    }

    private static BatchRecord.Location place(XlsxRecordSource.Record record, String pointer) {
        XlsxRecordSource.CellPlace place = record.locate().apply(pointer);
        return new BatchRecord.Location(place.row(), place.column());
    }

    private BatchRecord failure(long row, Violation violation) {
        SedxException failure = SedxException.refused(violation.code(), violation.messageEn(),
                List.of(violation));
        String column = source == null ? "" : source.layout().key().header();
        return BatchRecord.unreadable(row, failure, pointer -> new BatchRecord.Location(row, column));
    }

    @Override
    public void close() {
        if (source != null) {
            source.close();
        }
    }
}
