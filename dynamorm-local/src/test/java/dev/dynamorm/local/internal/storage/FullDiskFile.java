package dev.dynamorm.local.internal.storage;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * A real file on a disk that fills up: a write that would grow the file past {@code capacity}
 * writes what fits and fails as a full disk does; truncation can be made to fail too.
 */
final class FullDiskFile implements LogFile {
    private final RandomAccessFile file;
    volatile long capacity = Long.MAX_VALUE;
    volatile boolean truncateFails;

    FullDiskFile(Path path) throws IOException {
        this.file = new RandomAccessFile(path.toFile(), "rw");
        file.setLength(0);
    }

    @Override
    public void write(byte[] bytes, long position) throws IOException {
        long room = capacity - position;
        file.seek(position);
        if (room >= bytes.length) {
            file.write(bytes);
            return;
        }
        if (room > 0) {
            file.write(bytes, 0, (int) room);
        }
        throw new IOException("No space left on device");
    }

    @Override
    public void force() throws IOException {
        file.getFD().sync();
    }

    @Override
    public void truncate(long size) throws IOException {
        if (truncateFails) {
            throw new IOException("Input/output error");
        }
        file.setLength(size);
    }

    @Override
    public long size() throws IOException {
        return file.length();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
