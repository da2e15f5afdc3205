package cn.sedx.gateway.intake.xlsx;

import cn.sedx.gateway.shared.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.model.SharedStrings;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The SAX handler of one worksheet part: hands every row with its cells to a {@link Rows} callback as soon as the
 * row's end tag is read, so memory holds one row whatever the sheet's size. Shared strings are resolved through
 * the workbook's read-only table; a cell's text is cut at the limit and the cell marked {@code TOO_LONG}; cells
 * beyond {@link #MAX_COLUMNS} are ignored; more than {@code maxRows} rows end the sheet with
 * {@code XLSX_TOO_MANY_ROWS}.
 */
final class SheetHandler extends DefaultHandler {

    /** Columns read (A to IV); templates use far fewer. */
    static final int MAX_COLUMNS = 256;

    /** Receives the rows of a sheet in order. */
    interface Rows {
        void row(SheetRow row) throws SAXException;
    }

    private final SharedStrings strings;
    private final CellStyles styles;
    private final Rows rows;
    private final int maxRows;
    private final int maxCellChars;
    private final StringBuilder text = new StringBuilder();
    private List<SheetCell> cells = new ArrayList<>();
    private long rowNumber;
    private long rowCount;
    private int column = -1;
    private String type;
    private int style;
    private boolean inValue;
    private boolean inInlineText;
    private boolean inPhonetic;
    private boolean tooLong;

    SheetHandler(SharedStrings strings, CellStyles styles, Rows rows, int maxRows, int maxCellChars) {
        this.strings = strings;
        this.styles = styles;
        this.rows = rows;
        this.maxRows = maxRows;
        this.maxCellChars = maxCellChars;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        switch (localName) {
            case "row" -> {
                String r = attributes.getValue("r");
                rowNumber = r == null ? rowNumber + 1 : Long.parseLong(r.strip());
                if (++rowCount > maxRows) {
                    throw new SAXException(new XlsxFailure(ErrorCode.XLSX_TOO_MANY_ROWS, rowNumber,
                            "工作表最多 " + maxRows + " 行", "a sheet may have at most " + maxRows + " rows"));
                }
                cells = new ArrayList<>();
                column = -1;
            }
            case "c" -> {
                String ref = attributes.getValue("r");
                column = ref == null ? column + 1 : columnOf(ref);
                type = attributes.getValue("t");
                String s = attributes.getValue("s");
                style = s == null ? 0 : Integer.parseInt(s.strip());
                text.setLength(0);
                tooLong = false;
            }
            case "v" -> inValue = true;
            case "t" -> inInlineText = !inPhonetic;
            case "rPh" -> inPhonetic = true;
            default -> { }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inValue || inInlineText) {
            int room = maxCellChars - text.length();
            if (length > room) {
                tooLong = true;
            }
            text.append(ch, start, Math.max(0, Math.min(length, room)));
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        switch (localName) {
            case "v" -> inValue = false;
            case "t" -> inInlineText = false;
            case "rPh" -> inPhonetic = false;
            case "c" -> endCell();
            case "row" -> rows.row(new SheetRow(rowNumber, List.copyOf(cells)));
            default -> { }
        }
    }

    private void endCell() {
        if (column < 0 || column >= MAX_COLUMNS || text.isEmpty()) {
            return;
        }
        String value = text.toString();
        SheetCell.Type kind = switch (type == null ? "n" : type) {
            case "s" -> SheetCell.Type.STRING;
            case "inlineStr", "str" -> SheetCell.Type.STRING;
            case "b" -> SheetCell.Type.BOOLEAN;
            case "e" -> SheetCell.Type.ERROR;
            case "d" -> SheetCell.Type.DATE;
            default -> SheetCell.Type.NUMBER;
        };
        if ("s".equals(type)) {
            value = sharedString(value);
        }
        if (tooLong || value.length() > maxCellChars) {
            kind = SheetCell.Type.TOO_LONG;
            value = value.substring(0, Math.min(value.length(), 64));
        }
        cells.add(new SheetCell(column, kind, value, kind == SheetCell.Type.NUMBER && styles.isDate(style)));
    }

    private String sharedString(String index) {
        try {
            return strings.getItemAt(Integer.parseInt(index.strip())).getString();
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return "";
        }
    }

    /** The column (from 0) of a cell reference such as {@code AB12}. */
    static int columnOf(String ref) {
        int column = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            if (column > 1 << 20) {
                return Integer.MAX_VALUE;
            }
        }
        return column - 1;
    }
}
