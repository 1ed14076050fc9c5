package dev.veil.dynamo;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;

import dev.veil.model.DynamoValue;

/**
 * The records of one data file, parsed as they stream by. A full export's record is an item; an
 * incremental export's record is the item's {@code NewImage}, or a delete when it has none.
 * A broken record raises {@link BrokenRecord}, whose text never quotes the input.
 */
interface RecordStream extends Closeable {

    /** What {@link #next()} found. */
    enum Kind { ITEM, DELETE, END }

    /** Reads the next record. */
    Kind next() throws IOException;

    /** The item of the record just read (after {@link Kind#ITEM}). */
    Map<String, DynamoValue> item();

    /** The 1-based line where the record just read (or the broken one) starts. */
    long line();

    /** A record that is not a valid export record; the message says why, never quoting the input. */
    final class BrokenRecord extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long line;

        BrokenRecord(long line, String problem) {
            super(problem, null, false, false);
            this.line = line;
        }

        long line() {
            return line;
        }
    }
}
