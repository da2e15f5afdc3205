package cn.sedx.gateway.intake.batch;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.SedxException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CSV personnel filings (人员信息填报): one person per row under the Chinese header row of
 * {@link CsvColumns}; consecutive rows with the same 统一社会信用代码 and 填报编号 form one filing, whose unit
 * fields come from its first row. Rows are read one group at a time, so memory holds one filing whatever the
 * file's size. The record number of a filing is the line of its first row; errors name the row and column.
 */
final class CsvPersonnelRecords extends LookAheadRecords implements RowCounting {

    private final Reader reader;
    private final CsvRows rows;
    private final ObjectMapper mapper = new ObjectMapper();
    private final int maxPersons;
    private final Set<String> seenGroups = new HashSet<>();
    private CsvColumns columns;
    private List<String> lookahead;
    private long lookaheadLine;
    private long rowsRead;
    private boolean ended;
    private long tooLongLine;
    private long unterminatedLine;

    CsvPersonnelRecords(Reader reader, int maxRowChars, int maxPersons) {
        this.reader = reader;
        this.rows = new CsvRows(reader, maxRowChars);
        this.maxPersons = maxPersons;
    }

    /** Data rows of the filings returned so far (the header not counted). */
    @Override
    public long rowsRead() {
        return rowsRead - (lookahead == null ? 0 : 1);
    }

    @Override
    protected BatchRecord advance() throws IOException {
        if (ended) {
            return null;
        }
        if (columns == null) {
            List<String> header = rows.next();
            if (header == null) {
                return null;
            }
            try {
                columns = CsvColumns.of(header);
            } catch (IllegalArgumentException e) {
                ended = true;
                return failure(1, CsvColumns.FIRST_COLUMN, ErrorCode.MALFORMED_CSV, "表头须为文档规定的中文列名: " + e.getMessage(),
                        "the header row must hold the documented Chinese column names: " + e.getMessage());
            }
        }
        if (tooLongLine > 0) {
            long line = tooLongLine;
            tooLongLine = 0;
            return failure(line, "", ErrorCode.PAYLOAD_TOO_LARGE, "该行超过大小限制", "the row exceeds the size limit");
        }
        if (unterminatedLine > 0) {
            ended = true;
            return failure(unterminatedLine, "", ErrorCode.MALFORMED_CSV, "文件在引号内结束，该行不完整",
                    "the file ends inside a quoted field: the row is cut off");
        }
        if (lookahead == null && !readRow()) {
            return tooLongLine > 0 || unterminatedLine > 0 ? advance() : null;
        }
        return group();
    }

    private BatchRecord group() throws IOException {
        List<List<String>> members = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        String key = columns.groupKey(lookahead);
        long first = lookaheadLine;
        do {
            members.add(lookahead);
            lines.add(lookaheadLine);
            lookahead = null;
        } while (members.size() < maxPersons && readRow() && columns.groupKey(lookahead).equals(key));
        if (!seenGroups.add(key)) {
            return failure(first, CsvColumns.FILING_NUMBER, ErrorCode.MALFORMED_CSV, "同一填报的行须连续排列",
                    "the rows of one filing must be consecutive");
        }
        ObjectNode filing = columns.filing(members.get(0), mapper);
        ArrayNode persons = filing.putArray("persons");
        members.forEach(row -> persons.add(columns.person(row, mapper)));
        try {
            return BatchRecord.read(first, MessageType.PERSONNEL_FILING, mapper.writeValueAsBytes(filing),
                    pointer -> columns.locate(pointer, lines));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a filing", e);
        }
    }

    /** Reads the next non-empty data row into the lookahead; false at the end. */
    private boolean readRow() throws IOException {
        while (true) {
            List<String> row;
            try {
                row = rows.next();
            } catch (CsvRows.RowTooLong e) {
                // the reader skipped the row: it is reported as a record of its own, the rows after it go on
                rowsRead++;
                tooLongLine = e.line();
                return false;
            } catch (CsvRows.UnterminatedQuote e) {
                rowsRead++;
                unterminatedLine = e.line();
                return false;
            }
            if (row == null) {
                return false;
            }
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            rowsRead++;
            lookahead = columns.pad(row);
            lookaheadLine = rows.rowLine();
            return true;
        }
    }

    private static BatchRecord failure(long line, String column, ErrorCode code, String zh, String en) {
        SedxException failure = SedxException.at(code, "", zh, en);
        return BatchRecord.unreadable(line, failure, pointer -> new BatchRecord.Location(line, column));
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
