package dev.dynamorm.local;

import static dev.dynamorm.local.Fixtures.item;
import static dev.dynamorm.local.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged {@code wal.bin} / {@code snapshot.bin} files, made by editing real files. */
class DataDirectoryDamageTest {
    @TempDir Path dir;

    private String table;

    /**
     * Writes ten items after a table, then copies the files as a crash would leave them. Records of
     * wal.bin: 0 begin, 1 table, 2..11 items k0..k9.
     */
    private Path crashedWithTenItems() throws IOException {
        Path live = dir.resolve("live");
        Path crashed = dir.resolve("crashed");
        Files.createDirectories(crashed);
        try (LocalDynamoDb db = LocalDynamoDb.builder().dataDirectory(live).start()) {
            table = Fixtures.hashTable(db.client());
            for (int i = 0; i < 10; i++) {
                int k = i;
                db.client().putItem(r -> r.tableName(table).item(item("pk", s("k" + k))));
            }
            Files.copy(live.resolve("snapshot.bin"), crashed.resolve("snapshot.bin"));
            Files.copy(live.resolve("wal.bin"), crashed.resolve("wal.bin"));
        }
        return crashed;
    }

    /** Byte offsets of each frame of a log file. */
    private static List<Integer> offsets(byte[] file) {
        List<Integer> out = new ArrayList<>();
        int at = 0;
        while (at + 8 <= file.length) {
            out.add(at);
            at += 8 + ByteBuffer.wrap(file, at, 4).getInt();
        }
        return out;
    }

    private static UncheckedIOException refused(Path d) {
        try {
            LocalDynamoDb.builder().dataDirectory(d).start().close();
        } catch (UncheckedIOException e) {
            return e;
        }
        throw new AssertionError("started on a damaged directory");
    }

    private long count(LocalDynamoDb db) {
        return db.client().scan(r -> r.tableName(table)).count();
    }

    private static List<Path> damagedCopies(Path d) throws IOException {
        try (Stream<Path> files = Files.list(d)) {
            return files.filter(f -> f.getFileName().toString().contains(".damaged-")).toList();
        }
    }

    @Test
    void flippedByteInTheMiddleRefusesToStartAndRecoverKeepsTheRest() throws IOException {
        Path d = crashedWithTenItems();
        Path wal = d.resolve("wal.bin");
        byte[] bytes = Files.readAllBytes(wal);
        int record4 = offsets(bytes).get(4);
        bytes[record4 + 12] ^= 0x01;
        Files.write(wal, bytes);
        byte[] snapshot = Files.readAllBytes(d.resolve("snapshot.bin"));

        UncheckedIOException e = refused(d);
        assertThat(e.getMessage())
                .contains(wal.toString())
                .contains("byte offset " + record4)
                .contains("(record 4)")
                .contains("checksum mismatch")
                .contains("--recover");
        // nothing was rewritten
        assertThat(Files.readAllBytes(wal)).isEqualTo(bytes);
        assertThat(Files.readAllBytes(d.resolve("snapshot.bin"))).isEqualTo(snapshot);

        try (LocalDynamoDb db = LocalDynamoDb.builder().dataDirectory(d).recover(true).start()) {
            assertThat(count(db)).isEqualTo(9);
            assertThat(
                            db.client()
                                    .getItem(r -> r.tableName(table).key(item("pk", s("k2"))))
                                    .hasItem())
                    .isFalse();
            assertThat(
                            db.client()
                                    .getItem(r -> r.tableName(table).key(item("pk", s("k9"))))
                                    .hasItem())
                    .isTrue();
        }
        List<Path> copies = damagedCopies(d);
        assertThat(copies).hasSize(1);
        assertThat(Files.readAllBytes(copies.get(0))).isEqualTo(bytes);
        // recovered directory opens normally afterwards
        try (LocalDynamoDb db = LocalDynamoDb.builder().dataDirectory(d).start()) {
            assertThat(count(db)).isEqualTo(9);
        }
    }

    @Test
    void truncatedMiddleRefusesToStart() throws IOException {
        Path d = crashedWithTenItems();
        Path wal = d.resolve("wal.bin");
        byte[] bytes = Files.readAllBytes(wal);
        int record5 = offsets(bytes).get(5);
        byte[] cut = new byte[bytes.length - 10];
        System.arraycopy(bytes, 0, cut, 0, record5 + 12);
        System.arraycopy(bytes, record5 + 22, cut, record5 + 12, bytes.length - record5 - 22);
        Files.write(wal, cut);

        assertThat(refused(d).getMessage())
                .contains("wal.bin is damaged at byte offset " + record5 + " (record 5)");
        assertThat(Files.readAllBytes(wal)).isEqualTo(cut);
        try (LocalDynamoDb db = LocalDynamoDb.builder().dataDirectory(d).recover(true).start()) {
            assertThat(count(db)).isEqualTo(9);
        }
    }

    @Test
    void wrongLengthFieldRefusesToStart() throws IOException {
        Path d = crashedWithTenItems();
        Path wal = d.resolve("wal.bin");
        byte[] bytes = Files.readAllBytes(wal);
        int record3 = offsets(bytes).get(3);
        ByteBuffer.wrap(bytes).putInt(record3, ByteBuffer.wrap(bytes).getInt(record3) + 3);
        Files.write(wal, bytes);

        assertThat(refused(d).getMessage())
                .contains("wal.bin is damaged at byte offset " + record3 + " (record 3)");
        try (LocalDynamoDb db = LocalDynamoDb.builder().dataDirectory(d).recover(true).start()) {
            assertThat(count(db)).isEqualTo(9);
        }
    }

    @Test
    void impossibleLengthFieldRefusesToStart() throws IOException {
        Path d = crashedWithTenItems();
        Path wal = d.resolve("wal.bin");
        byte[] bytes = Files.readAllBytes(wal);
        int record6 = offsets(bytes).get(6);
        ByteBuffer.wrap(bytes).putInt(record6, -5);
        Files.write(wal, bytes);

        assertThat(refused(d).getMessage())
                .contains("byte offset " + record6 + " (record 6)")
                .contains("impossible length field -5");
    }

    @Test
    void tornLastRecordIsDroppedAndEverythingBeforeIsKept() throws IOException {
        Path d = crashedWithTenItems();
        Path wal = d.resolve("wal.bin");
        byte[] bytes = Files.readAllBytes(wal);
        int last = offsets(bytes).get(11);
        Files.write(wal, java.util.Arrays.copyOf(bytes, last + (bytes.length - last) / 2));
        try (LocalDynamoDb db = LocalDynamoDb.builder().dataDirectory(d).start()) {
            assertThat(count(db)).isEqualTo(9);
        }
    }

    @Test
    void deletedSnapshotRefusesToStart() throws IOException {
        Path live = dir.resolve("live");
        Path crashed = dir.resolve("crashed");
        Files.createDirectories(crashed);
        try (LocalDynamoDb db = LocalDynamoDb.builder().dataDirectory(live).start()) {
            table = Fixtures.hashTable(db.client());
            db.client().putItem(r -> r.tableName(table).item(item("pk", s("in-snapshot"))));
        }
        try (LocalDynamoDb db = LocalDynamoDb.builder().dataDirectory(live).start()) {
            db.client().putItem(r -> r.tableName(table).item(item("pk", s("in-log"))));
            Files.copy(live.resolve("wal.bin"), crashed.resolve("wal.bin"));
        }
        UncheckedIOException e = refused(crashed);
        assertThat(e.getMessage())
                .contains("wal.bin is damaged at byte offset 0 (record 0)")
                .contains("snapshot.bin is missing");
        assertThat(Files.exists(crashed.resolve("snapshot.bin"))).isFalse();
        try (LocalDynamoDb db =
                LocalDynamoDb.builder().dataDirectory(crashed).recover(true).start()) {
            // the table was defined in the lost snapshot: its items cannot be placed
            assertThat(db.client().listTables().tableNames()).isEmpty();
        }
        assertThat(damagedCopies(crashed)).hasSize(1);
    }

    @Test
    void damagedSnapshotRefusesToStart() throws IOException {
        Path d = crashedWithTenItems();
        try (LocalDynamoDb db = LocalDynamoDb.builder().dataDirectory(d).start()) {
            assertThat(count(db)).isEqualTo(10);
        }
        Path snapshot = d.resolve("snapshot.bin");
        byte[] bytes = Files.readAllBytes(snapshot);
        List<Integer> offsets = offsets(bytes);
        int last = offsets.get(offsets.size() - 1);
        // a snapshot is written whole: even its last record is not allowed to be torn
        Files.write(snapshot, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        assertThat(refused(d).getMessage())
                .contains("snapshot.bin is damaged at byte offset " + last);
        assertThatThrownBy(() -> LocalDynamoDb.builder().dataDirectory(d).start())
                .isInstanceOf(UncheckedIOException.class);
        try (LocalDynamoDb db = LocalDynamoDb.builder().dataDirectory(d).recover(true).start()) {
            assertThat(count(db)).isEqualTo(9);
        }
    }
}
