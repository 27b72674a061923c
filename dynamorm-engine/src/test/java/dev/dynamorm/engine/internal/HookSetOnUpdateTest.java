package dev.dynamorm.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Hook;
import dev.dynamorm.HookContext;
import dev.dynamorm.Operation;
import dev.dynamorm.PluginException;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.local.LocalDynamoDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link HookContext#setOnUpdate}: a before-hook's extra SET, sent in the same UpdateItem. */
final class HookSetOnUpdateTest {

    @DynamoTable("stamped")
    record Note(@PartitionKey String id, String text, String owner, int stars) {}

    private static LocalDynamoDb local;
    private final AtomicReference<Consumer<HookContext>> onUpdate = new AtomicReference<>(c -> {});
    private DynamORM db;
    private Table<Note> notes;

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @BeforeEach
    void open() {
        PluginRuntimeTest.TestPlugin stamper =
                new PluginRuntimeTest.TestPlugin("stamper", 0, new ArrayList<>());
        stamper.hook =
                new Hook() {
                    @Override
                    public void before(HookContext c) {
                        if (c.operation() == Operation.UPDATE || c.operation() == Operation.PUT) {
                            onUpdate.get().accept(c);
                        }
                    }
                };
        db =
                DynamORM.builder()
                        .client(local.client())
                        .tableNamePrefix("so" + UUID.randomUUID().toString().substring(0, 8) + "_")
                        .plugin(stamper)
                        .build();
        notes = db.table(Note.class);
        notes.createTable();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Map<String, AttributeValue> stored(String id) {
        return local.client()
                .getItem(
                        r ->
                                r.tableName(notes.tableName())
                                        .key(Map.of("id", AttributeValue.fromS(id))))
                .item();
    }

    @Test
    void theAttributeIsSetWithTheUpdate_andByAnUpsertThatCreatesTheItem() {
        onUpdate.set(c -> c.setOnUpdate("owner", AttributeValue.fromS("ada")));
        notes.where("id", "=", "n1").update(u -> u.set("text", "created").upsert());
        assertThat(notes.get("n1")).contains(new Note("n1", "created", "ada", 0));
        // only REMOVE and ADD clauses: the SET clause is added in front
        onUpdate.set(c -> c.setOnUpdate("owner", AttributeValue.fromS("bob")));
        notes.where("id", "=", "n1").update(u -> u.remove("text").add("stars", 2));
        assertThat(stored("n1"))
                .containsEntry("owner", AttributeValue.fromS("bob"))
                .containsEntry("stars", AttributeValue.fromN("2"))
                .doesNotContainKey("text");
    }

    @Test
    void misuse_isRefusedWithTheReason_andNothingIsWritten() {
        notes.put(new Note("n2", "kept", "ada", 1));
        for (String field : List.of("nope", "id")) {
            onUpdate.set(c -> c.setOnUpdate(field, AttributeValue.fromS("x")));
            assertThatThrownBy(
                            () -> notes.where("id", "=", "n2").update(u -> u.set("text", "lost")))
                    .isInstanceOf(PluginException.class)
                    .hasMessageEndingWith(
                            "setOnUpdate: '"
                                    + field
                                    + "' is not a mapped non-key field of model "
                                    + Note.class.getName());
        }
        onUpdate.set(c -> c.setOnUpdate("text", AttributeValue.fromS("x")));
        assertThatThrownBy(() -> notes.where("id", "=", "n2").update(u -> u.set("text", "lost")))
                .isInstanceOf(PluginException.class)
                .hasMessageEndingWith(
                        "setOnUpdate: the update of model "
                                + Note.class.getName()
                                + " already writes 'text'");
        onUpdate.set(
                c -> {
                    c.setOnUpdate("owner", AttributeValue.fromS("x"));
                    c.setOnUpdate("owner", AttributeValue.fromS("y"));
                });
        assertThatThrownBy(() -> notes.where("id", "=", "n2").update(u -> u.set("text", "lost")))
                .isInstanceOf(PluginException.class)
                .hasMessageEndingWith("already writes 'owner'");
        onUpdate.set(c -> c.setOnUpdate("owner", AttributeValue.fromS("x")));
        assertThatThrownBy(() -> notes.put(new Note("n2", "lost", "x", 0)))
                .isInstanceOf(PluginException.class)
                .hasMessageEndingWith(
                        "setOnUpdate is not allowed for operation PUT (see HookContext for what"
                                + " each operation allows)");
        assertThat(stored("n2"))
                .containsEntry("text", AttributeValue.fromS("kept"))
                .containsEntry("owner", AttributeValue.fromS("ada"));
    }
}
