package cn.sedx.gateway.intake.batch;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads text line by line without ever holding more than {@code maxChars} of one line: a longer line is
 * reported as such and skipped, so a file without line breaks cannot exhaust memory.
 */
final class BoundedLines {

    /** Returned for a line longer than the limit (its text is dropped). */
    static final String TOO_LONG = new String("\u0000too long");

    private final Reader reader;
    private final int maxChars;
    private final StringBuilder line = new StringBuilder();
    private long number;

    BoundedLines(Reader reader, int maxChars) {
        this.reader = reader;
        this.maxChars = maxChars;
    }

    /** The next line without its terminator, {@link #TOO_LONG}, or null at the end. */
    String next() throws IOException {
        line.setLength(0);
        boolean tooLong = false;
        int c = reader.read();
        if (c < 0) {
            return null;
        }
        number++;
        while (c >= 0 && c != '\n') {
            if (line.length() < maxChars) {
                line.append((char) c);
            } else {
                tooLong = true;
            }
            c = reader.read();
        }
        if (tooLong) {
            return TOO_LONG;
        }
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }

    /** The number of the line last returned, from 1. */
    long number() {
        return number;
    }
}
