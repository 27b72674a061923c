package dev.dynamorm.local.internal.storage;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * The log file as the write-ahead log uses it. The default is a {@link RandomAccessFile}, whose
 * reads and writes are not interruptible: unlike a {@code FileChannel}, an interrupt of the calling
 * thread never closes it under the other writers. Replaceable in tests to simulate failing disks.
 */
interface LogFile extends AutoCloseable {
    /** Writes all of {@code bytes} at {@code position}. */
    void write(byte[] bytes, long position) throws IOException;

    /** Forces written bytes to the device. */
    void force() throws IOException;

    /** Cuts the file to {@code size} bytes. */
    void truncate(long size) throws IOException;

    long size() throws IOException;

    @Override
    void close() throws IOException;

    /** Opens a log file, emptying it. */
    interface Opener {
        LogFile open(Path file) throws IOException;
    }

    /** The default opener. */
    Opener RANDOM_ACCESS =
            file -> {
                RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw");
                raf.setLength(0);
                return new LogFile() {
                    @Override
                    public void write(byte[] bytes, long position) throws IOException {
                        raf.seek(position);
                        raf.write(bytes);
                    }

                    @Override
                    public void force() throws IOException {
                        raf.getFD().sync();
                    }

                    @Override
                    public void truncate(long size) throws IOException {
                        raf.setLength(size);
                    }

                    @Override
                    public long size() throws IOException {
                        return raf.length();
                    }

                    @Override
                    public void close() throws IOException {
                        raf.close();
                    }
                };
            };
}
