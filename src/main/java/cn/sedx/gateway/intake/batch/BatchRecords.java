package cn.sedx.gateway.intake.batch;

import java.io.IOException;
import java.util.Iterator;

/** The records of one batch file, read one at a time; the reader owns the file's stream and closes it. */
interface BatchRecords extends Iterator<BatchRecord>, AutoCloseable {

    @Override
    void close() throws IOException;
}
