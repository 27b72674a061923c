package dev.dynamorm.local.internal.storage;

import dev.dynamorm.local.internal.engine.Engine;
import dev.dynamorm.local.internal.engine.Journal;
import dev.dynamorm.local.internal.engine.TableMeta;
import dev.dynamorm.local.internal.value.Value;
import dev.dynamorm.local.internal.wire.AttributeCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Durability for a data directory: {@code snapshot.bin} holds a full copy written on open and
 * close, and {@code wal.bin} holds every change since, each record framed as length, CRC32 and JSON
 * payload and forced to disk before the write is acknowledged.
 *
 * <p>Only a torn last record (a crash while appending) is dropped on replay; any other damage
 * refuses to start without touching the files, unless recovery is asked for. The snapshot starts
 * with its generation id and the log with the generation it continues, so a missing or stale
 * snapshot is noticed. All file access runs on one writer thread, so an interrupted caller never
 * closes the shared channel; a failed append is cut back to the last good record before the next.
 */
public final class WriteAheadLog implements Journal {
    static final String SNAPSHOT = "snapshot.bin";
    static final String LOG = "wal.bin";

    /** Opens the log file for appending; replaceable in tests to simulate failing disks. */
    interface ChannelOpener {
        FileChannel open(Path file) throws IOException;
    }

    private static final ChannelOpener DEFAULT_OPENER =
            file ->
                    FileChannel.open(
                            file,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING);

    private final Path dir;
    private final Engine engine;
    private final boolean recover;
    private final ChannelOpener opener;
    private final ExecutorService writer;
    private final List<String> report = new ArrayList<>();
    private DirectoryLock lock;
    private FileChannel log;
    private long goodSize;
    private IOException broken;
    private String generation;
    private boolean closed;

    private WriteAheadLog(Path dir, Engine engine, boolean recover, ChannelOpener opener) {
        this.dir = dir;
        this.engine = engine;
        this.recover = recover;
        this.opener = opener;
        this.writer =
                Executors.newSingleThreadExecutor(
                        r -> {
                            Thread t = new Thread(r, "dynamorm-local-wal");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /**
     * Locks the directory, restores the engine from it, compacts it into a fresh snapshot and
     * starts a new log.
     *
     * @param recover keep every record whose checksum holds instead of refusing damaged files
     * @throws CorruptLogException if a file is damaged and {@code recover} is false
     * @throws IOException if the directory is locked by another server or cannot be used
     */
    public static WriteAheadLog open(Path dir, Engine engine, boolean recover) throws IOException {
        return open(dir, engine, recover, DEFAULT_OPENER);
    }

    static WriteAheadLog open(Path dir, Engine engine, boolean recover, ChannelOpener opener)
            throws IOException {
        WriteAheadLog wal = new WriteAheadLog(dir, engine, recover, opener);
        try {
            wal.onWriter(
                    () -> {
                        wal.start();
                        return null;
                    });
        } catch (IOException | RuntimeException e) {
            wal.writer.shutdown();
            throw e;
        }
        return wal;
    }

    /**
     * What opening reported: a dropped torn record, and in recovery the skipped stretches and where
     * the damaged files were moved.
     *
     * @return one line per finding, empty when the directory was intact
     */
    public List<String> report() {
        return List.copyOf(report);
    }

    private void start() throws IOException {
        Files.createDirectories(dir);
        lock = DirectoryLock.acquire(dir);
        try {
            restore();
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private void restore() throws IOException {
        Path snapshotFile = dir.resolve(SNAPSHOT);
        Path logFile = dir.resolve(LOG);
        Replay snapshot = new Replay(snapshotFile, true);
        LogReader.Result snapshotResult = null;
        if (Files.exists(snapshotFile)) {
            snapshotResult = LogReader.read(snapshotFile, snapshot::accept, recover, false);
        }
        Replay wal = new Replay(logFile, false);
        wal.snapshot = snapshot;
        wal.tables.addAll(snapshot.tables);
        LogReader.Result walResult = null;
        if (Files.exists(logFile)) {
            walResult = LogReader.read(logFile, wal::accept, recover, true);
        }
        List<Path> damaged = new ArrayList<>();
        for (LogReader.Result r : new LogReader.Result[] {snapshotResult, walResult}) {
            if (r == null) {
                continue;
            }
            if (r.tornTail() != null) {
                report.add(r.tornTail());
            }
            report.addAll(r.skipped());
        }
        if (snapshotResult != null && snapshotResult.damaged()) {
            damaged.add(snapshotFile);
        }
        if (walResult != null && (walResult.damaged() || wal.mismatch)) {
            damaged.add(logFile);
        }
        String stamp = Instant.now().toString().replace(':', '-');
        for (Path file : damaged) {
            Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + stamp);
            Files.copy(file, aside, StandardCopyOption.COPY_ATTRIBUTES);
            report.add("kept a copy of the damaged " + file + " as " + aside);
        }
        for (String line : report) {
            System.err.println("dynamorm-local: " + line);
        }
        writeSnapshot(wal.generation);
        log = opener.open(logFile);
        goodSize = 0;
        Map<String, Object> begin = new LinkedHashMap<>();
        begin.put("t", "begin");
        begin.put("snapshot", generation);
        appendNow(LogCodec.frame(begin));
        log.force(true);
    }

    /** Applies the records of one file during restore, checking they continue each other. */
    private final class Replay {
        final Path file;
        final boolean isSnapshot;
        final Set<String> tables = new HashSet<>();
        Replay snapshot;
        String generation;
        String includes;
        boolean skipRest;
        boolean mismatch;

        Replay(Path file, boolean isSnapshot) {
            this.file = file;
            this.isSnapshot = isSnapshot;
        }

        void accept(LogReader.Frame frame) throws IOException {
            if (skipRest) {
                return;
            }
            Map<String, Object> record;
            try {
                record = LogCodec.parse(frame.payload());
            } catch (IOException | RuntimeException e) {
                throw new CorruptLogException(
                        file, frame.offset(), frame.index(), "unreadable JSON: " + e.getMessage());
            }
            Object type = record.get("t");
            if (frame.index() == 0 && "snapshot".equals(type) && isSnapshot) {
                generation = (String) record.get("id");
                includes = (String) record.get("includes");
                return;
            }
            if (frame.index() == 0 && "begin".equals(type) && !isSnapshot) {
                String continues = (String) record.get("snapshot");
                generation = continues;
                if (continues.equals(snapshot.generation)) {
                    return;
                }
                if (continues.equals(snapshot.includes)) {
                    // a crash after the snapshot was replaced but before the log was restarted:
                    // every record here is already in the snapshot
                    skipRest = true;
                    return;
                }
                String problem =
                        "it continues snapshot "
                                + continues
                                + " but "
                                + (snapshot.generation == null
                                        ? dir.resolve(SNAPSHOT) + " is missing or has no header"
                                        : dir.resolve(SNAPSHOT)
                                                + " is snapshot "
                                                + snapshot.generation);
                if (!recover) {
                    throw new CorruptLogException(file, frame.offset(), frame.index(), problem);
                }
                mismatch = true;
                report.add(file + ": " + problem + "; replaying its records anyway");
                return;
            }
            try {
                apply(record);
            } catch (CorruptLogException e) {
                throw new CorruptLogException(file, frame.offset(), frame.index(), e.getMessage());
            } catch (RuntimeException e) {
                throw new CorruptLogException(
                        file, frame.offset(), frame.index(), "an unusable record: " + e);
            }
        }

        @SuppressWarnings("unchecked")
        private void apply(Map<String, Object> record) throws CorruptLogException {
            Object type = record.get("t");
            if ("table".equals(type)) {
                TableMeta meta = MetaCodec.decode((Map<String, Object>) record.get("meta"));
                engine.restoreTable(meta);
                tables.add(meta.name());
            } else if ("drop".equals(type)) {
                String name = (String) record.get("name");
                engine.restoreDrop(name);
                tables.remove(name);
            } else if ("items".equals(type)) {
                List<Object> changes = (List<Object>) record.get("changes");
                for (Object o : changes) {
                    String table = (String) ((Map<String, Object>) o).get("table");
                    if (!tables.contains(table)) {
                        throw new CorruptLogException(
                                "an item of table "
                                        + table
                                        + ", which no earlier record defines (is "
                                        + SNAPSHOT
                                        + " missing?)");
                    }
                }
                for (Object o : changes) {
                    Map<String, Object> c = (Map<String, Object>) o;
                    engine.restoreItem(
                            (String) c.get("table"),
                            AttributeCodec.item(c.get("key")),
                            c.get("item") == null ? null : AttributeCodec.item(c.get("item")));
                }
                if (record.get("token") != null) {
                    restoreToken(record.get("token"));
                }
            } else if ("token".equals(type)) {
                restoreToken(record.get("token"));
            } else {
                throw new CorruptLogException("an unknown record type " + type);
            }
        }
    }

    /**
     * Appends one frame at the end of the last good record and forces it. A failure cuts the file
     * back to that record; if even that fails, later appends retry the cut and are refused until it
     * succeeds, so nothing is ever acknowledged behind a partial record.
     */
    private void appendNow(byte[] frame) throws IOException {
        if (log == null) {
            throw new IOException("The write-ahead log is closed");
        }
        if (broken != null) {
            try {
                cutBack();
            } catch (IOException e) {
                IOException refused =
                        new IOException(
                                "The write-ahead log could not be repaired after a failed write"
                                        + " (refusing writes until it can): "
                                        + e.getMessage(),
                                e);
                refused.addSuppressed(broken);
                throw refused;
            }
        }
        try {
            ByteBuffer buf = ByteBuffer.wrap(frame);
            long at = goodSize;
            while (buf.hasRemaining()) {
                at += log.write(buf, at);
            }
            log.force(false);
            goodSize += frame.length;
        } catch (IOException e) {
            broken = e;
            try {
                cutBack();
            } catch (IOException cut) {
                e.addSuppressed(cut);
            }
            throw e;
        }
    }

    private void cutBack() throws IOException {
        if (log.size() > goodSize) {
            log.truncate(goodSize);
        }
        log.force(false);
        broken = null;
    }

    private void append(Map<String, Object> record) {
        byte[] frame = LogCodec.frame(record);
        try {
            onWriter(
                    () -> {
                        if (closed) {
                            throw new IOException("The write-ahead log is closed");
                        }
                        appendNow(frame);
                        return null;
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not write the write-ahead log (nothing was written): " + e.getMessage(),
                    e);
        }
    }

    /**
     * Runs file work on the writer thread and waits for it without being interruptible: an
     * interrupt of the caller is kept for later and never reaches the channel.
     */
    private <T> T onWriter(Callable<T> task) throws IOException {
        Future<T> f = writer.submit(task);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void tableDefined(TableMeta meta) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("t", "table");
        r.put("meta", MetaCodec.encode(meta));
        append(r);
    }

    @Override
    public void tableDropped(String name) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("t", "drop");
        r.put("name", name);
        append(r);
    }

    @Override
    public void items(List<ItemChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        append(itemsRecord(changes));
    }

    /** The changes and the transaction's idempotency token in one record, so both or neither. */
    @Override
    public void items(List<ItemChange> changes, Token token) {
        Map<String, Object> r = itemsRecord(changes);
        r.put("token", tokenJson(token));
        append(r);
    }

    private static Map<String, Object> tokenJson(Token token) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", token.token());
        t.put("fingerprint", Base64.getEncoder().encodeToString(token.fingerprint()));
        t.put("at", token.createdMillis());
        return t;
    }

    @SuppressWarnings("unchecked")
    private void restoreToken(Object json) {
        Map<String, Object> t = (Map<String, Object>) json;
        engine.restoreToken(
                new Token(
                        (String) t.get("id"),
                        Base64.getDecoder().decode((String) t.get("fingerprint")),
                        ((Number) t.get("at")).longValue()));
    }

    private static Map<String, Object> itemsRecord(List<ItemChange> changes) {
        List<Object> list = new ArrayList<>();
        for (ItemChange c : changes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("table", c.table());
            m.put("key", AttributeCodec.toJson(c.key()));
            m.put("item", c.item() == null ? null : AttributeCodec.toJson(c.item()));
            list.add(m);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("t", "items");
        r.put("changes", list);
        return r;
    }

    /**
     * Writes a full snapshot to a temporary file and moves it over {@code snapshot.bin}; its header
     * names the log generation it includes, so that log is skipped if a crash keeps it.
     */
    private void writeSnapshot(String includes) throws IOException {
        String next = UUID.randomUUID().toString();
        Path tmp = dir.resolve(SNAPSHOT + ".tmp");
        try (FileChannel out =
                FileChannel.open(
                        tmp,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            IOException[] failure = new IOException[1];
            Map<String, Object> head = new LinkedHashMap<>();
            head.put("t", "snapshot");
            head.put("id", next);
            head.put("includes", includes);
            write(out, head, failure);
            engine.snapshot(
                    new Engine.SnapshotVisitor() {
                        @Override
                        public void table(TableMeta meta) {
                            Map<String, Object> r = new LinkedHashMap<>();
                            r.put("t", "table");
                            r.put("meta", MetaCodec.encode(meta));
                            write(out, r, failure);
                        }

                        @Override
                        public void item(String table, Map<String, Value> item) {
                            write(
                                    out,
                                    itemsRecord(List.of(new ItemChange(table, item, item))),
                                    failure);
                        }

                        @Override
                        public void token(Token token) {
                            Map<String, Object> r = new LinkedHashMap<>();
                            r.put("t", "token");
                            r.put("token", tokenJson(token));
                            write(out, r, failure);
                        }
                    });
            if (failure[0] != null) {
                throw failure[0];
            }
            out.force(true);
        }
        Files.move(
                tmp,
                dir.resolve(SNAPSHOT),
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        generation = next;
    }

    private static void write(FileChannel out, Map<String, Object> r, IOException[] failure) {
        if (failure[0] != null) {
            return;
        }
        try {
            ByteBuffer buf = ByteBuffer.wrap(LogCodec.frame(r));
            while (buf.hasRemaining()) {
                out.write(buf);
            }
        } catch (IOException e) {
            failure[0] = e;
        }
    }

    /** Writes a snapshot, empties the log and releases the directory. */
    @Override
    public void close() {
        try {
            onWriter(
                    () -> {
                        if (closed) {
                            return null;
                        }
                        closed = true;
                        try {
                            if (broken != null) {
                                cutBack();
                            }
                            log.force(true);
                            writeSnapshot(generation);
                            log.truncate(0);
                            log.force(true);
                        } finally {
                            try {
                                log.close();
                            } finally {
                                lock.close();
                            }
                        }
                        return null;
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the snapshot", e);
        } finally {
            writer.shutdown();
        }
    }
}
