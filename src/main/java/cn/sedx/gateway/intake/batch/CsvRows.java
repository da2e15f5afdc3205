package cn.sedx.gateway.intake.batch;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180: comma separated, double quotes around fields holding commas, quotes or line breaks,
 * a quote inside written twice) one row at a time. A row longer than {@code maxChars} is reported, not held.
 */
final class CsvRows {

    private final Reader reader;
    private final int maxChars;
    private long line = 1;
    private long rowLine;
    private int pushedBack = -2;

    CsvRows(Reader reader, int maxChars) {
        this.reader = reader;
        this.maxChars = maxChars;
    }

    /** The next row's fields; null at the end of the input. */
    List<String> next() throws IOException {
        int c = read();
        if (c < 0) {
            return null;
        }
        rowLine = line - (c == '\n' ? 1 : 0);
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int size = 0;
        boolean quoted = false;
        while (c >= 0) {
            if (++size > maxChars) {
                skipRestOfRow(c, quoted);
                throw new RowTooLong(rowLine);
            }
            if (quoted) {
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        pushedBack = after;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                break;
            } else if (c != '\r') {
                field.append((char) c);
            }
            c = read();
        }
        if (quoted) {
            // the file ended inside a quoted field: the row is cut off (a truncated file), never taken as whole
            throw new UnterminatedQuote(rowLine);
        }
        fields.add(field.toString());
        return fields;
    }

    /** The line the row last returned starts on, from 1. */
    long rowLine() {
        return rowLine;
    }

    private void skipRestOfRow(int c, boolean quoted) throws IOException {
        boolean inQuotes = quoted;
        while (c >= 0 && (c != '\n' || inQuotes)) {
            if (c == '"') {
                inQuotes = !inQuotes;
            }
            c = read();
        }
    }

    private int read() throws IOException {
        int c;
        if (pushedBack != -2) {
            c = pushedBack;
            pushedBack = -2;
            return c;
        }
        c = reader.read();
        if (c == '\n') {
            line++;
        }
        return c;
    }

    /** The file ended inside a quoted field of the row at {@code line}. */
    static final class UnterminatedQuote extends IOException {
        private final long line;

        UnterminatedQuote(long line) {
            super("row at line " + line + " ends inside quotes");
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    /** A row passed the size limit; the reader has skipped to the next row. */
    static final class RowTooLong extends IOException {
        private final long line;

        RowTooLong(long line) {
            super("row at line " + line + " too long");
            this.line = line;
        }

        long line() {
            return line;
        }
    }
}
