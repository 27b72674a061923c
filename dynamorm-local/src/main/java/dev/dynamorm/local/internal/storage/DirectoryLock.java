package dev.dynamorm.local.internal.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a data directory, held while a server uses it, so that a second server (in
 * this process or another) refuses to start instead of interleaving its log with ours.
 */
final class DirectoryLock implements AutoCloseable {
    static final String FILE = "dynamorm-local.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DirectoryLock acquire(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        FileChannel ch =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (lock == null) {
            ch.close();
            throw new IOException(
                    "The data directory "
                            + dir
                            + " is in use by another dynamorm-local server (it holds the lock on "
                            + file
                            + "); stop that server or choose another data directory");
        }
        ch.truncate(0);
        ch.write(
                ByteBuffer.wrap(
                        ("pid " + ProcessHandle.current().pid() + "\n")
                                .getBytes(StandardCharsets.US_ASCII)),
                0);
        return new DirectoryLock(ch, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
