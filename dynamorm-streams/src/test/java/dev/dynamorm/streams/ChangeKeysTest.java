package dev.dynamorm.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Key;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.local.LocalDynamoDb;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The key of a change is read from the record's {@code Keys}: it must be the key {@code
 * Table.keyOf} gives for the change's image, whatever the key fields' types and converters.
 */
final class ChangeKeysTest {

    /** Keys of converted types: a UUID partition key and an Instant sort key. */
    @DynamoTable("readings")
    public record Reading(@PartitionKey UUID sensor, @SortKey Instant at, double value) {}

    /** Numeric and enum keys. */
    @DynamoTable("levels")
    public record Level(@PartitionKey long id, @SortKey Grade grade, String label) {}

    /** An enum key. */
    public enum Grade {
        LOW,
        HIGH
    }

    /** Keys computed from templates: the key attributes are not fields. */
    @DynamoTable("notes")
    @PartitionKey(template = "USER#{userId}")
    @SortKey(template = "NOTE#{noteId}")
    public record Note(String userId, String noteId, String text) {}

    private LocalDynamoDb local;
    private DynamORM db;

    @BeforeEach
    void setUp() {
        local = LocalDynamoDb.builder().start();
        db = DynamORM.builder().client(local.client()).discoverPlugins(false).build();
    }

    @AfterEach
    void tearDown() {
        db.close();
        local.close();
    }

    @Test
    void decode_convertedKeys_areTheKeysOfTheImages() {
        Table<Reading> readings = db.table(Reading.class);
        UUID sensor = UUID.fromString("0b5a3c1e-8f00-4f6e-9a55-3d2f1c0e7a11");
        Instant at = Instant.parse("2026-12-06T08:00:00.123456Z");

        List<ChangeEvent<Reading>> changes =
                writeUpdateDelete(
                        readings, new Reading(sensor, at, 1.5), new Reading(sensor, at, 2.5));

        assertThat(changes).extracting(ChangeEvent::key).containsOnly(Key.of(sensor, at));
        assertKeysOfImages(readings, changes);
    }

    @Test
    void decode_numericAndEnumKeys_areTheKeysOfTheImages() {
        Table<Level> levels = db.table(Level.class);

        List<ChangeEvent<Level>> changes =
                writeUpdateDelete(
                        levels,
                        new Level(42L, Grade.HIGH, "first"),
                        new Level(42L, Grade.HIGH, "second"));

        assertThat(changes).extracting(ChangeEvent::key).containsOnly(Key.of(42L, Grade.HIGH));
        assertKeysOfImages(levels, changes);
    }

    @Test
    void decode_templatedKeys_areTheRenderedKeysOfTheImages() {
        Table<Note> notes = db.table(Note.class);

        List<ChangeEvent<Note>> changes =
                writeUpdateDelete(
                        notes, new Note("u1", "n1", "draft"), new Note("u1", "n1", "done"));

        assertThat(changes).extracting(ChangeEvent::key).containsOnly(Key.of("USER#u1", "NOTE#n1"));
        assertKeysOfImages(notes, changes);
    }

    @Test
    void decode_recordWithImageButNoKeys_takesTheKeyFromTheImage() {
        Table<Level> levels = db.table(Level.class);
        Map<String, AttributeValue> image = levels.toItem(new Level(7L, Grade.LOW, "x"));
        Record record =
                Record.builder()
                        .eventID("e1")
                        .eventName(OperationType.INSERT)
                        .dynamodb(d -> d.newImage(image).sequenceNumber("100"))
                        .build();

        ChangeEvent<Level> change = ChangeDecoder.of(levels).decode(record);

        assertThat(change.key()).isEqualTo(Key.of(7L, Grade.LOW));
        assertThat(change.newImage()).contains(new Level(7L, Grade.LOW, "x"));
    }

    private <T> List<ChangeEvent<T>> writeUpdateDelete(Table<T> table, T first, T second) {
        String arn =
                StreamTables.createWithStream(
                        table, local.client(), StreamViewType.NEW_AND_OLD_IMAGES);
        table.put(first);
        table.put(second);
        table.delete(second);
        List<ChangeEvent<T>> changes =
                ChangeDecoder.of(table).decodeAll(StreamTables.records(local.streamsClient(), arn));
        assertThat(changes)
                .extracting(ChangeEvent::kind)
                .containsExactly(ChangeKind.INSERT, ChangeKind.MODIFY, ChangeKind.REMOVE);
        assertThat(changes.get(0).newImage()).contains(first);
        assertThat(changes.get(1).newImage()).contains(second);
        return changes;
    }

    private static <T> void assertKeysOfImages(Table<T> table, List<ChangeEvent<T>> changes) {
        for (ChangeEvent<T> c : changes) {
            c.newImage().ifPresent(i -> assertThat(c.key()).isEqualTo(table.keyOf(i)));
            c.oldImage().ifPresent(i -> assertThat(c.key()).isEqualTo(table.keyOf(i)));
        }
    }
}
