package cn.sedx.gateway.intake.xlsx;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The records of an uploaded workbook, one at a time: the first sheet named as a template's data sheet is streamed
 * row by row ({@link RowStream}), its header matched to the layout, consecutive rows with the same key and credit
 * code grouped into one filing (a layout without a row array makes every row a record), the sample row skipped.
 * Memory holds one group of rows. Not thread-safe; the caller closes it.
 */
public final class XlsxRecordSource implements AutoCloseable {

    /** Most rows of one group (persons of one filing, findings of one record). */
    static final int MAX_GROUP_ROWS = 10_000;

    /**
     * One record of the sheet.
     *
     * @param row      the row it starts on (its number and idempotency key in a batch)
     * @param body     the canonical JSON, or null when a cell could not be read
     * @param problems what could not be read, at JSON pointers of the filing; empty when {@code body} is there
     * @param locate   the cell a JSON pointer of the filing is in
     */
    public record Record(long row, byte[] body, List<Violation> problems, Function<String, CellPlace> locate) {}

    /** A cell of the sheet: its row and its column's Chinese header. */
    public record CellPlace(long row, String column) {}

    private final OpenWorkbook workbook;
    private final RowStream rows;
    private final SheetLayout layout;
    private final CellValues values;
    private final ObjectMapper mapper = new ObjectMapper();
    private final RecordPlaces places;
    private final Set<String> seenGroups = new HashSet<>();
    private SheetHeader header;
    private SheetRow lookahead;
    private long rowsRead;

    private XlsxRecordSource(OpenWorkbook workbook, int sheet, SheetLayout layout) {
        this.workbook = workbook;
        this.layout = layout;
        this.values = new CellValues(workbook.date1904());
        this.rows = new RowStream(workbook, sheet, layout.template());
        this.places = new RecordPlaces(layout);
    }

    /**
     * Opens {@code file} and finds its data sheet.
     *
     * @throws XlsxFailure when it is no readable workbook (or a zip bomb, or its shared strings are too large), or
     *     has no sheet of a known template
     */
    public static XlsxRecordSource open(Path file, XlsxSettings settings) throws XlsxFailure {
        OpenWorkbook workbook = OpenWorkbook.open(file, settings);
        var sheet = workbook.templateSheet();
        if (sheet.isPresent()) {
            return new XlsxRecordSource(workbook, sheet.get().index(), sheet.get().layout());
        }
        workbook.close();
        throw new XlsxFailure(ErrorCode.XLSX_SHEET_NOT_FOUND, 1, "须含名为 "
                + Layouts.all().stream().map(SheetLayout::sheetName).toList() + " 之一的工作表，请使用网关提供的模板",
                "the workbook needs a sheet named as in the gateway's templates: "
                        + Layouts.all().stream().map(SheetLayout::sheetName).toList());
    }

    /** The layout of the sheet found. */
    public SheetLayout layout() {
        return layout;
    }

    /** Data rows read so far (header, blank and sample rows not counted). */
    public long rowsRead() {
        return rowsRead - (lookahead == null ? 0 : 1);
    }

    /** The next record, or null at the end of the sheet. */
    public Record next() throws XlsxFailure {
        if (header == null) {
            readHeader();
        }
        if (lookahead == null && !readRow()) {
            return null;
        }
        List<SheetRow> group = new ArrayList<>();
        String key = groupKey(lookahead);
        do {
            group.add(lookahead);
            lookahead = null;
        } while (layout.rowArray() != null && group.size() < MAX_GROUP_ROWS && readRow()
                && groupKey(lookahead).equals(key));
        if (layout.rowArray() != null && !seenGroups.add(key)) {
            long first = group.get(0).number();
            return new Record(first, null, List.of(Violation.of(ErrorCode.SCHEMA_VIOLATION, "", "同一填报（记录）的行须连续排列",
                    "the rows of one filing (record) must be consecutive")),
                    pointer -> places.locate(pointer, first, List.of(), header));
        }
        return build(group);
    }

    private Record build(List<SheetRow> group) {
        ObjectNode filing = mapper.createObjectNode();
        List<Violation> problems = new ArrayList<>();
        List<Long> elementRows = new ArrayList<>();
        ArrayNode elements = layout.rowArray() == null ? null : filing.putArray(layout.rowArray());
        for (int r = 0; r < group.size(); r++) {
            ObjectNode element = mapper.createObjectNode();
            for (int i = 0; i < layout.columns().size(); i++) {
                Column column = layout.columns().get(i);
                if (column.pointer() == null || (!column.perRow() && r > 0)) {
                    continue;
                }
                SheetCell cell = header.cell(group.get(r), i);
                if (cell != null) {
                    String pointer = column.perRow() ? column.pointer().replace("/-/", "/" + elements.size() + "/")
                            : column.pointer();
                    CellValues.Read read = values.read(column, cell, pointer);
                    if (read.problem() != null) {
                        problems.add(read.problem());
                    } else {
                        JsonPaths.put(column.perRow() ? element : filing, column.perRow()
                                ? column.pointer().substring(column.pointer().indexOf("/-/") + 2) : column.pointer(),
                                read.value());
                    }
                }
            }
            if (elements != null && !element.isEmpty()) {
                elements.add(element);
                elementRows.add(group.get(r).number());
            }
        }
        if (elements != null && elements.isEmpty()) {
            filing.remove(layout.rowArray());
        }
        long first = group.get(0).number();
        Function<String, CellPlace> locate = pointer -> places.locate(pointer, first, elementRows, header);
        if (!problems.isEmpty()) {
            return new Record(first, null, List.copyOf(problems), locate);
        }
        try {
            return new Record(first, mapper.writeValueAsBytes(filing), List.of(), locate);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a filing", e);
        }
    }

    private void readHeader() throws XlsxFailure {
        SheetRow first = rows.next();
        SheetRow second = first == null ? null : rows.next();
        header = SheetHeader.of(layout, first, second);
        if (header.rows() == 1 && second != null) {
            lookahead = second;
            if (skipped(second)) {
                lookahead = null;
            } else {
                rowsRead++;
            }
        }
    }

    /** Reads the next data row into the lookahead; false at the end. */
    private boolean readRow() throws XlsxFailure {
        for (SheetRow row = rows.next(); row != null; row = rows.next()) {
            if (!skipped(row)) {
                rowsRead++;
                lookahead = row;
                return true;
            }
        }
        return false;
    }

    private boolean skipped(SheetRow row) {
        SheetCell key = header.cell(row, layout.columns().indexOf(layout.key()));
        return row.blank() || (key != null && CellValues.text(key).equals(SheetLayout.SAMPLE_KEY));
    }

    private String groupKey(SheetRow row) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < layout.columns().size(); i++) {
            Column column = layout.columns().get(i);
            if (layout.groupsBy(column)) {
                SheetCell cell = header.cell(row, i);
                key.append(cell == null ? "" : CellValues.text(cell)).append('\u0000');
            }
        }
        return layout.rowArray() == null ? key.toString() + row.number() : key.toString();
    }

    @Override
    public void close() {
        rows.close();
        workbook.close();
    }
}
