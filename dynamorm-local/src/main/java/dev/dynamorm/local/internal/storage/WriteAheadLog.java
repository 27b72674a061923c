package dev.dynamorm.local.internal.storage;

import dev.dynamorm.local.internal.engine.Engine;
import dev.dynamorm.local.internal.engine.Journal;
import dev.dynamorm.local.internal.engine.TableMeta;
import dev.dynamorm.local.internal.value.Value;
import dev.dynamorm.local.internal.wire.AttributeCodec;
import dev.dynamorm.local.internal.wire.Json;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Durability for a data directory: {@code snapshot.bin} holds a full copy written on open and
 * close, and {@code wal.bin} holds every change since, each record framed as length, CRC32 and JSON
 * payload and forced to disk before the write is acknowledged. A torn or corrupt trailing record is
 * ignored on replay.
 */
public final class WriteAheadLog implements Journal {
    private static final String SNAPSHOT = "snapshot.bin";
    private static final String LOG = "wal.bin";

    private final Path dir;
    private final Engine engine;
    private FileChannel log;

    private WriteAheadLog(Path dir, Engine engine) {
        this.dir = dir;
        this.engine = engine;
    }

    /**
     * Restores the engine from the directory, compacts it into a fresh snapshot and starts a new
     * log.
     */
    public static WriteAheadLog open(Path dir, Engine engine) throws IOException {
        Files.createDirectories(dir);
        WriteAheadLog wal = new WriteAheadLog(dir, engine);
        wal.replay(dir.resolve(SNAPSHOT));
        wal.replay(dir.resolve(LOG));
        wal.writeSnapshot();
        wal.log =
                FileChannel.open(
                        dir.resolve(LOG),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
        wal.log.force(true);
        return wal;
    }

    @SuppressWarnings("unchecked")
    private void replay(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
            while (true) {
                byte[] payload;
                try {
                    int length = in.readInt();
                    long crc = Integer.toUnsignedLong(in.readInt());
                    if (length < 0 || length > 64 * 1024 * 1024) {
                        return;
                    }
                    payload = new byte[length];
                    in.readFully(payload);
                    CRC32 check = new CRC32();
                    check.update(payload);
                    if (check.getValue() != crc) {
                        return;
                    }
                } catch (EOFException e) {
                    return;
                }
                apply((Map<String, Object>) Json.parse(payload));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void apply(Map<String, Object> record) {
        switch ((String) record.get("t")) {
            case "table":
                engine.restoreTable(MetaCodec.decode((Map<String, Object>) record.get("meta")));
                break;
            case "drop":
                engine.restoreDrop((String) record.get("name"));
                break;
            case "items":
                for (Object o : (List<Object>) record.get("changes")) {
                    Map<String, Object> c = (Map<String, Object>) o;
                    engine.restoreItem(
                            (String) c.get("table"),
                            AttributeCodec.item(c.get("key")),
                            c.get("item") == null ? null : AttributeCodec.item(c.get("item")));
                }
                break;
            default:
                throw new IllegalStateException("Unknown log record " + record.get("t"));
        }
    }

    private static byte[] frame(Map<String, Object> record) {
        byte[] payload = Json.write(record);
        CRC32 crc = new CRC32();
        crc.update(payload);
        ByteBuffer buf = ByteBuffer.allocate(8 + payload.length);
        buf.putInt(payload.length).putInt((int) crc.getValue()).put(payload);
        return buf.array();
    }

    private synchronized void append(Map<String, Object> record) {
        if (log == null) {
            return;
        }
        try {
            ByteBuffer buf = ByteBuffer.wrap(frame(record));
            while (buf.hasRemaining()) {
                log.write(buf);
            }
            log.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the write-ahead log", e);
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

    private void writeSnapshot() throws IOException {
        Path tmp = dir.resolve(SNAPSHOT + ".tmp");
        try (FileChannel out =
                FileChannel.open(
                        tmp,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            IOException[] failure = new IOException[1];
            engine.snapshot(
                    new Engine.SnapshotVisitor() {
                        @Override
                        public void table(TableMeta meta) {
                            Map<String, Object> r = new LinkedHashMap<>();
                            r.put("t", "table");
                            r.put("meta", MetaCodec.encode(meta));
                            write(r);
                        }

                        @Override
                        public void item(String table, Map<String, Value> item) {
                            write(itemsRecord(List.of(new ItemChange(table, item, item))));
                        }

                        private void write(Map<String, Object> r) {
                            try {
                                ByteBuffer buf = ByteBuffer.wrap(frame(r));
                                while (buf.hasRemaining()) {
                                    out.write(buf);
                                }
                            } catch (IOException e) {
                                failure[0] = e;
                            }
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
    }

    /** Writes a snapshot and empties the log. */
    @Override
    public synchronized void close() {
        try {
            if (log != null) {
                log.force(true);
                writeSnapshot();
                log.truncate(0);
                log.force(true);
                log.close();
                log = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the snapshot", e);
        }
    }
}
