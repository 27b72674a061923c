package dev.dynamorm.local.internal.storage;

import dev.dynamorm.local.internal.engine.Engine;
import dev.dynamorm.local.internal.engine.Journal;
import dev.dynamorm.local.internal.engine.TableMeta;
import dev.dynamorm.local.internal.value.Value;
import dev.dynamorm.local.internal.wire.AttributeCodec;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Durability for a data directory: {@code snapshot.bin} holds a full copy written on open and
 * close, and {@code wal.bin} holds every change since, each record framed as length, CRC32 and JSON
 * payload and forced to disk before the write is acknowledged.
 *
 * <p>Only a torn last record (a crash while appending) is dropped on replay; any other damage
 * refuses to start without touching the files, unless recovery is asked for. The snapshot starts
 * with its generation id and the log with the generation it continues, so a missing or stale
 * snapshot is noticed. The files are written through non-interruptible streams, so an interrupted
 * caller never closes the log for the others; a failed append is cut back to the last good record
 * before the next.
 *
 * <p>Stream records travel in the items record of the change that made them, so both are durable or
 * neither; changes of a stream's shape (created, shard rolled over, disabled) are records of their
 * own, and a snapshot holds every stream still within retention.
 */
public final class WriteAheadLog implements Journal {
    static final String SNAPSHOT = "snapshot.bin";
    static final String LOG = "wal.bin";

    private final Path dir;
    private final Engine engine;
    private final boolean recover;
    private final LogFile.Opener opener;
    private final List<String> report = new ArrayList<>();
    private DirectoryLock lock;
    private LogFile log;
    private long goodSize;
    private IOException broken;
    private String generation;
    private boolean closed;

    private WriteAheadLog(Path dir, Engine engine, boolean recover, LogFile.Opener opener) {
        this.dir = dir;
        this.engine = engine;
        this.recover = recover;
        this.opener = opener;
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
        return open(dir, engine, recover, LogFile.RANDOM_ACCESS);
    }

    static WriteAheadLog open(Path dir, Engine engine, boolean recover, LogFile.Opener opener)
            throws IOException {
        WriteAheadLog wal = new WriteAheadLog(dir, engine, recover, opener);
        wal.start();
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
        engine.streams().restored(wal.tables);
        writeSnapshot(wal.generation);
        log = opener.open(logFile);
        goodSize = 0;
        Map<String, Object> begin = new LinkedHashMap<>();
        begin.put("t", "begin");
        begin.put("snapshot", generation);
        appendNow(LogCodec.frame(begin));
        engine.streams().journal(this::append);
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
                if (record.get("streams") != null) {
                    for (Object o : (List<Object>) record.get("streams")) {
                        engine.streams().restore((Map<String, Object>) o);
                    }
                }
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
                if (record.get("streams") != null) {
                    for (Object o : (List<Object>) record.get("streams")) {
                        engine.streams().restore((Map<String, Object>) o);
                    }
                }
            } else if ("token".equals(type)) {
                restoreToken(record.get("token"));
            } else if ("stream".equals(type)) {
                engine.streams().restore(record);
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
            log.write(frame, goodSize);
            log.force();
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
        log.force();
        broken = null;
    }

    /**
     * Appends one record and forces it to disk. Runs on the caller's thread, but through
     * non-interruptible file access: an interrupted caller may give up waiting, never closes the
     * log for the others.
     */
    private synchronized void append(Map<String, Object> record) {
        byte[] frame = LogCodec.frame(record);
        try {
            if (closed) {
                throw new IOException("The write-ahead log is closed");
            }
            appendNow(frame);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not write the write-ahead log (nothing was written): " + e.getMessage(),
                    e);
        }
    }

    @Override
    public void tableDefined(TableMeta meta) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("t", "table");
        r.put("meta", MetaCodec.encode(meta));
        append(r);
    }

    /** The definition and the stream it creates in one record: both or neither. */
    @Override
    public void tableDefined(TableMeta meta, List<Object> streamRecords) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("t", "table");
        r.put("meta", MetaCodec.encode(meta));
        if (!streamRecords.isEmpty()) {
            r.put("streams", streamRecords);
        }
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
        items(changes, token, List.of());
    }

    /** The changes, the token and the changes' stream records in one record: all or nothing. */
    @Override
    public void items(List<ItemChange> changes, Token token, List<Object> streamRecords) {
        if (token == null && changes.isEmpty()) {
            return;
        }
        Map<String, Object> r = itemsRecord(changes);
        if (token != null) {
            r.put("token", tokenJson(token));
        }
        if (!streamRecords.isEmpty()) {
            r.put("streams", streamRecords);
        }
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
        // a stream rather than a channel: not interruptible, like the log itself
        FileOutputStream file = new FileOutputStream(tmp.toFile());
        try (OutputStream out = new BufferedOutputStream(file, 64 * 1024)) {
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
            engine.streams().snapshot(r -> write(out, r, failure));
            if (failure[0] != null) {
                throw failure[0];
            }
            out.flush();
            file.getFD().sync();
        }
        Files.move(
                tmp,
                dir.resolve(SNAPSHOT),
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        generation = next;
    }

    private static void write(OutputStream out, Map<String, Object> r, IOException[] failure) {
        if (failure[0] != null) {
            return;
        }
        try {
            out.write(LogCodec.frame(r));
        } catch (IOException e) {
            failure[0] = e;
        }
    }

    /**
     * Refuses further appends, then writes a snapshot, empties the log and releases the directory.
     *
     * <p>The snapshot is written without this log's lock: it takes each table's read lock, which a
     * write in flight holds while it waits to append here; holding both would deadlock. Writes
     * journaled before the refusal are applied before their table's read lock is released, so the
     * snapshot has them; later ones fail without having changed anything.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            try {
                synchronized (this) {
                    if (broken != null) {
                        cutBack();
                    }
                    log.force();
                }
                writeSnapshot(generation);
                log.truncate(0);
                log.force();
            } finally {
                try {
                    log.close();
                } finally {
                    lock.close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the snapshot", e);
        }
    }
}
