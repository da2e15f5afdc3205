package cn.sedx.gateway.intake.xlsx;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Reads one cell by its column's rules into the JSON value of the canonical filing, or says what is wrong with it.
 * Dates come as ISO text, 2023年6月1日, 2023/6/1 (also with dots or one-digit parts) or Excel date serials (a number,
 * with or without a date format; 1900 or 1904 date system); text-formatted numbers are read as numbers where a
 * number is due, and numbers as their digits where text is due, except that an identity-document number stored as
 * a number is refused (Excel keeps 15 significant digits: the 18-digit number has lost digits, or its final X) and
 * so is any other identifier of more than 15 digits.
 */
final class CellValues {

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?"
            + "(?:[ T].*)?");
    private static final Pattern SEPARATORS = Pattern.compile("[;；,，、\\n]");
    private static final BigDecimal EXACT_DIGITS = new BigDecimal("1e15");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final boolean date1904;

    CellValues(boolean date1904) {
        this.date1904 = date1904;
    }

    /** A value, or the violation at {@code pointer}; never both. */
    record Read(JsonNode value, Violation problem) {
        static Read of(JsonNode value) {
            return new Read(value, null);
        }

        static Read problem(ErrorCode code, String pointer, String zh, String en) {
            return new Read(null, Violation.of(code, pointer, zh, en));
        }
    }

    /** Reads a non-blank {@code cell} of {@code column}; {@code pointer} is where the value goes. */
    Read read(Column column, SheetCell cell, String pointer) {
        if (cell.type() == SheetCell.Type.TOO_LONG) {
            return Read.problem(ErrorCode.XLSX_CELL_TOO_LONG, pointer, "单元格文字过长", "the cell's text is too long");
        }
        if (cell.type() == SheetCell.Type.ERROR) {
            return Read.problem(ErrorCode.SCHEMA_VIOLATION, pointer, "单元格为错误值（如 #N/A）", "the cell holds an error value "
                    + "such as #N/A");
        }
        boolean number = cell.type() == SheetCell.Type.NUMBER;
        return switch (column.kind()) {
            case ID_NUMBER -> number ? Read.problem(ErrorCode.ID_NUMBER_STORED_AS_NUMBER, pointer,
                    "请将该列设为文本格式后重新输入证件号码", "format the column as text and type the number again")
                    : Read.of(NODES.textNode(cell.text().strip()));
            case IDENTIFIER -> identifier(cell, pointer);
            case DATE -> date(cell, pointer);
            case PERIOD -> number || DATE.matcher(cell.text().strip()).matches() ? date(cell, pointer)
                    : Read.of(NODES.textNode(cell.text().strip()));
            case NUMBER -> number(cell, pointer);
            case CHOICE -> Read.of(NODES.textNode(column.choice().code(text(cell))));
            case CHOICES, TEXTS -> list(column, cell, pointer);
            case KEY, TEXT -> Read.of(NODES.textNode(text(cell)));
        };
    }

    private Read identifier(SheetCell cell, String pointer) {
        if (cell.type() == SheetCell.Type.NUMBER) {
            BigDecimal value = decimal(cell.text());
            if (value == null || value.abs().compareTo(EXACT_DIGITS) >= 0) {
                return Read.problem(ErrorCode.IDENTIFIER_STORED_AS_NUMBER, pointer, "请将该列设为文本格式后重新输入",
                        "format the column as text and type it again");
            }
        }
        return Read.of(NODES.textNode(text(cell)));
    }

    private Read date(SheetCell cell, String pointer) {
        try {
            if (cell.type() == SheetCell.Type.NUMBER) {
                double serial = Double.parseDouble(cell.text());
                if (!DateUtil.isValidExcelDate(serial) || serial < 1) {
                    return badDate(pointer);
                }
                return Read.of(NODES.textNode(DateUtil.getLocalDateTime(serial, date1904).toLocalDate().toString()));
            }
            String text = cell.text().strip();
            Matcher m = DATE.matcher(text);
            if (!m.matches()) {
                return badDate(pointer);
            }
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            return Read.of(NODES.textNode(date.toString()));
        } catch (NumberFormatException | DateTimeException e) {
            return badDate(pointer);
        }
    }

    private static Read badDate(String pointer) {
        return Read.problem(ErrorCode.DATE_INVALID, pointer, "须为日期，如 2023-06-01、2023年6月1日、2023/6/1",
                "must be a date such as 2023-06-01, 2023年6月1日 or 2023/6/1");
    }

    private static Read number(SheetCell cell, String pointer) {
        BigDecimal value = decimal(cell.text().strip());
        if (value == null) {
            return Read.problem(ErrorCode.NUMBER_INVALID, pointer, "须为数字", "must be a number");
        }
        BigDecimal plain = value.stripTrailingZeros();
        return Read.of(plain.scale() <= 0 && plain.abs().compareTo(EXACT_DIGITS) < 0
                ? NODES.numberNode(plain.longValue()) : NODES.numberNode(plain));
    }

    private Read list(Column column, SheetCell cell, String pointer) {
        if (cell.type() == SheetCell.Type.NUMBER && column.kind() == Column.Kind.TEXTS) {
            Read single = identifier(cell, pointer);
            if (single.problem() != null) {
                return single;
            }
        }
        ArrayNode values = NODES.arrayNode();
        for (String part : SEPARATORS.split(text(cell))) {
            if (!part.isBlank()) {
                values.add(column.choice() == null ? part.strip() : column.choice().code(part));
            }
        }
        return Read.of(values);
    }

    /** The cell's text; a number as its plain digits ({@code 440106}, not {@code 440106.0} or {@code 4.40106E5}). */
    static String text(SheetCell cell) {
        if (cell.type() == SheetCell.Type.NUMBER) {
            BigDecimal value = decimal(cell.text());
            return value == null ? cell.text().strip() : value.stripTrailingZeros().toPlainString();
        }
        return cell.text().strip();
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
