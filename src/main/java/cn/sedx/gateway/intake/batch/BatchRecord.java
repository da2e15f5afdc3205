package cn.sedx.gateway.intake.batch;

import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.SedxException;
import java.util.function.Function;

/**
 * One record of a batch file, as its reader found it: either a filing in canonical JSON, or the reason it
 * could not be read.
 *
 * @param number  the record number the error report and the idempotency key use (JSON Lines: line; XML:
 *                position of the filing element; CSV: line of the group's first row)
 * @param type    the filing type, or null when unreadable
 * @param body    the canonical JSON, or null when unreadable
 * @param failure why the record could not be read, or null
 * @param locate  where a JSON pointer of the filing is in the file: the record number and field name to report
 */
record BatchRecord(long number, MessageType type, byte[] body, SedxException failure,
        Function<String, Location> locate) {

    static BatchRecord read(long number, MessageType type, byte[] body, Function<String, Location> locate) {
        return new BatchRecord(number, type, body, null, locate);
    }

    static BatchRecord unreadable(long number, SedxException failure, Function<String, Location> locate) {
        return new BatchRecord(number, null, null, failure, locate);
    }

    /** A place in a batch file: record (or row) number and field (pointer, XPath or column). */
    record Location(long record, String field) {}
}
