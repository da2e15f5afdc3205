package cn.sedx.gateway.intake.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;

/**
 * The iterator half shared by the batch readers: it reads one record ahead, so {@link #hasNext()} can answer
 * without consuming a record. Subclasses say only how to read the next record.
 */
abstract class LookAheadRecords implements BatchRecords {

    private BatchRecord next;

    /** Reads the next record, or returns null at the end of the file. */
    protected abstract BatchRecord advance() throws IOException;

    @Override
    public final boolean hasNext() {
        if (next == null) {
            try {
                next = advance();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return next != null;
    }

    @Override
    public final BatchRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        BatchRecord record = next;
        next = null;
        return record;
    }
}
