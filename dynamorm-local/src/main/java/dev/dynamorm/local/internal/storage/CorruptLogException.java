package dev.dynamorm.local.internal.storage;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A log or snapshot file is damaged somewhere other than a torn last record; names the file, the
 * byte offset and the record number so that the damage can be inspected.
 */
public final class CorruptLogException extends IOException {
    private static final long serialVersionUID = 1L;

    CorruptLogException(Path file, long offset, int record, String problem) {
        super(
                file
                        + " is damaged at byte offset "
                        + offset
                        + " (record "
                        + record
                        + "): "
                        + problem
                        + ". Nothing was changed in the data directory; start with --recover (or"
                        + " LocalDynamoDb.Builder.recover(true)) to keep every record whose"
                        + " checksum holds and move the damaged files aside");
    }

    CorruptLogException(String message) {
        super(message);
    }
}
