package dev.dynamorm.local.internal.storage;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the frames of one log or snapshot file and tells a torn last record (dropped, as a crash
 * while appending leaves it) from damage anywhere else (refused, or skipped when recovering).
 */
final class LogReader {
    /** Largest payload a frame may declare: a 400 KB item is far smaller, a snapshot record too. */
    static final int MAX_PAYLOAD = 64 * 1024 * 1024;

    /** One record whose checksum holds. */
    // the payload is read for this frame alone and decoded once; copying it would double replay's
    // reads
    @SuppressWarnings("ArrayRecordComponent")
    record Frame(long offset, int index, byte[] payload) {}

    /** Receives frames in file order; throws to stop with damage. */
    interface Sink {
        void accept(Frame frame) throws IOException;
    }

    /** What a read found besides the good frames. */
    record Result(List<String> skipped, String tornTail, long goodEnd) {
        boolean damaged() {
            return !skipped.isEmpty();
        }
    }

    private LogReader() {}

    /**
     * Delivers every good frame of {@code file} to {@code sink}. Without {@code recover}, damage
     * other than a torn last record throws {@link CorruptLogException} naming the file, offset and
     * record; with it, damaged stretches are skipped up to the next frame whose checksum holds and
     * listed in the result. {@code appendOnly} files (the log) may end in a torn record; a snapshot
     * is written whole and moved into place, so any damage in it counts.
     */
    static Result read(Path file, Sink sink, boolean recover, boolean appendOnly)
            throws IOException {
        List<String> skipped = new ArrayList<>();
        String torn = null;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long off = 0;
            int index = 0;
            byte[] header = new byte[LogCodec.HEADER];
            while (off < size) {
                long remaining = size - off;
                String problem;
                if (remaining < LogCodec.HEADER) {
                    problem = "only " + remaining + " bytes of a record header";
                } else {
                    readFully(ch, header, off);
                    int length = LogCodec.getInt(header, 0);
                    int crc = LogCodec.getInt(header, 4);
                    if (length <= 0 || length > MAX_PAYLOAD) {
                        problem = "an impossible length field " + length;
                    } else if (length > remaining - LogCodec.HEADER) {
                        problem =
                                "a length field of "
                                        + length
                                        + " bytes, past the end of the file ("
                                        + (remaining - LogCodec.HEADER)
                                        + " bytes left)";
                    } else {
                        byte[] payload = new byte[length];
                        readFully(ch, payload, off + LogCodec.HEADER);
                        if (LogCodec.checksumHolds(payload, 0, length, crc)) {
                            try {
                                sink.accept(new Frame(off, index, payload));
                            } catch (CorruptLogException e) {
                                if (!recover) {
                                    throw e;
                                }
                                skipped.add(e.getMessage());
                            }
                            off += LogCodec.HEADER + length;
                            index++;
                            continue;
                        }
                        problem = "a checksum mismatch over its " + length + " bytes";
                    }
                }
                long next = nextGoodFrame(ch, off + 1, size);
                if (next < 0 && appendOnly) {
                    // nothing intact follows: a torn last record, as a crash while appending
                    // leaves it
                    torn =
                            file
                                    + ": dropped a torn last record at byte offset "
                                    + off
                                    + " (record "
                                    + index
                                    + "): "
                                    + problem;
                    return new Result(skipped, torn, off);
                }
                CorruptLogException damage = new CorruptLogException(file, off, index, problem);
                if (!recover) {
                    throw damage;
                }
                skipped.add(
                        file
                                + ": skipped bytes "
                                + off
                                + " to "
                                + (next < 0 ? size : next)
                                + " (record "
                                + index
                                + "): "
                                + problem);
                if (next < 0) {
                    return new Result(skipped, null, off);
                }
                off = next;
                index++;
            }
            return new Result(skipped, null, off);
        }
    }

    /** The offset of the first frame at or after {@code from} whose checksum holds, or -1. */
    private static long nextGoodFrame(FileChannel ch, long from, long size) throws IOException {
        long span = size - from;
        if (span < LogCodec.HEADER + 2) {
            return -1;
        }
        byte[] rest = new byte[(int) Math.min(span, Integer.MAX_VALUE - 64)];
        readFully(ch, rest, from);
        for (int p = 0; p + LogCodec.HEADER + 2 <= rest.length; p++) {
            int length = LogCodec.getInt(rest, p);
            if (length < 2
                    || length > rest.length - p - LogCodec.HEADER
                    || rest[p + LogCodec.HEADER] != '{') {
                continue;
            }
            if (LogCodec.checksumHolds(
                    rest, p + LogCodec.HEADER, length, LogCodec.getInt(rest, p + 4))) {
                return from + p;
            }
        }
        return -1;
    }

    private static void readFully(FileChannel ch, byte[] into, long at) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(into);
        while (buf.hasRemaining()) {
            int n = ch.read(buf, at + buf.position());
            if (n < 0) {
                throw new EOFException();
            }
        }
    }
}
