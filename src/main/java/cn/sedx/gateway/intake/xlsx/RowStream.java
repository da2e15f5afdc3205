package cn.sedx.gateway.intake.xlsx;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.xml.sax.SAXException;

/**
 * The rows of one sheet pulled one at a time, while the SAX parse (which pushes) runs on a reader thread of its own
 * and hands rows over through a small bounded queue: memory holds at most {@link #CAPACITY} rows. {@link #close()}
 * stops the reader thread wherever it is.
 */
final class RowStream implements AutoCloseable {

    private static final int CAPACITY = 64;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread reader;
    private volatile boolean closed;
    private boolean ended;
    private long lastRow;

    RowStream(OpenWorkbook workbook, int sheet, String name) {
        this.reader = new Thread(() -> read(workbook, sheet), "xlsx-reader-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    private void read(OpenWorkbook workbook, int sheet) {
        Object last = END;
        try {
            workbook.parse(sheet, row -> {
                if (closed) {
                    throw new SAXException("closed");
                }
                hand(row);
            });
        } catch (XlsxFailure e) {
            last = e;
        } catch (RuntimeException e) {
            last = XlsxFailure.of(e, 1);
        }
        if (!closed) {
            hand(last);
        }
    }

    private void hand(Object item) {
        try {
            while (!closed && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                // the consumer is slow (validation, the database): wait for room, or for close()
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next row, or null at the end of the sheet. */
    SheetRow next() throws XlsxFailure {
        if (ended) {
            return null;
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a workbook", e);
        }
        if (item instanceof SheetRow row) {
            lastRow = row.number();
            return row;
        }
        ended = true;
        if (item instanceof XlsxFailure failure) {
            throw failure.row() > 1 || lastRow == 0 ? failure : failure.at(lastRow + 1);
        }
        return null;
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        try {
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
