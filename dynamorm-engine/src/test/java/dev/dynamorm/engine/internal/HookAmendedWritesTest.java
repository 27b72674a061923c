package dev.dynamorm.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.Condition;
import dev.dynamorm.ConditionFailedException;
import dev.dynamorm.DynamORM;
import dev.dynamorm.Hook;
import dev.dynamorm.HookContext;
import dev.dynamorm.Operation;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.Version;
import dev.dynamorm.local.LocalDynamoDb;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What hooks add to a write (a condition, attributes set on an update) is merged into the
 * expressions the engine compiled for it, against the embedded engine: both amendments in one
 * request, and a condition added to a write whose own condition has a top-level OR.
 */
final class HookAmendedWritesTest {

    private static LocalDynamoDb local;

    @DynamoTable("docs")
    record Doc(@PartitionKey String id, String text, int stars, String by, @Version long v) {}

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    private static DynamORM db(Hook hook) {
        PluginRuntimeTest.TestPlugin plugin =
                new PluginRuntimeTest.TestPlugin("amend", 0, new ArrayList<>());
        plugin.hook = hook;
        return DynamORM.builder()
                .client(local.client())
                .tableNamePrefix("ha" + UUID.randomUUID().toString().substring(0, 8) + "_")
                .plugin(plugin)
                .build();
    }

    @Test
    void aConditionOnAVersionedDelete_isAndedToTheVersionCheck() {
        AtomicBoolean armed = new AtomicBoolean();
        Hook guard =
                new Hook() {
                    @Override
                    public void before(HookContext c) {
                        if (armed.get() && c.operation() == Operation.DELETE) {
                            c.addCondition(Condition.when("stars", "<", 5));
                        }
                    }
                };
        try (DynamORM db = db(guard)) {
            Table<Doc> docs = db.table(Doc.class);
            docs.createTable();
            docs.put(new Doc("low", "a", 2, null, 0));
            docs.put(new Doc("high", "b", 9, null, 0));
            armed.set(true);

            // the delete's own condition is "not stored OR version matches": the hook's is ANDed
            docs.delete(docs.get("low").orElseThrow());
            assertThatThrownBy(() -> docs.delete(docs.get("high").orElseThrow()))
                    .isInstanceOf(ConditionFailedException.class);

            assertThat(docs.get("low")).isEmpty();
            assertThat(docs.get("high")).isPresent();
        }
    }

    @Test
    void aConditionAndASetOnOneUpdate_areBothSent_withTheUpdatesOwnActions() {
        List<String> seen = new ArrayList<>();
        Hook amend =
                new Hook() {
                    @Override
                    public void before(HookContext c) {
                        if (c.operation() == Operation.UPDATE) {
                            c.addCondition(Condition.when("stars", "<", 5));
                            c.setOnUpdate("by", AttributeValue.fromS("hook"));
                            seen.add("update");
                        }
                    }
                };
        try (DynamORM db = db(amend)) {
            Table<Doc> docs = db.table(Doc.class);
            docs.createTable();
            docs.put(new Doc("low", "a", 2, null, 0));
            docs.put(new Doc("high", "b", 9, null, 0));

            docs.update(docs.get("low").orElseThrow(), u -> u.set("text", "changed"));
            assertThatThrownBy(
                            () ->
                                    docs.update(
                                            docs.get("high").orElseThrow(),
                                            u -> u.set("text", "changed")))
                    .isInstanceOf(ConditionFailedException.class);

            assertThat(seen).hasSize(2);
            assertThat(docs.get("low")).contains(new Doc("low", "changed", 2, "hook", 2));
            assertThat(docs.get("high")).contains(new Doc("high", "b", 9, null, 1));
        }
    }
}
