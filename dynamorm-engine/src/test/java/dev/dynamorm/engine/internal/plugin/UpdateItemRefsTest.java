package dev.dynamorm.engine.internal.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Hook;
import dev.dynamorm.HookContext;
import dev.dynamorm.ItemRef;
import dev.dynamorm.Key;
import dev.dynamorm.Operation;
import dev.dynamorm.Outcome;
import dev.dynamorm.Plugin;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.Version;
import dev.dynamorm.local.LocalDynamoDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items hooks see for updates: changed attributes and the partial item come from the compiled
 * update (the builder's actions, chosen fields, or the changes between two instances), on the
 * embedded engine.
 */
final class UpdateItemRefsTest {

    private static LocalDynamoDb local;

    @DynamoTable("docs")
    record Doc(
            @PartitionKey String id,
            String title,
            int views,
            String note,
            List<String> tags,
            Map<String, Integer> counts,
            @Version Long version) {}

    /** Records the items of every update or write transaction the hooks saw. */
    static final class Recorder implements Plugin {
        final List<List<ItemRef>> updates = new ArrayList<>();

        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public List<Hook> hooks() {
            return List.of(
                    new Hook() {
                        @Override
                        public void after(HookContext c, Outcome o) {
                            if (c.operation() == Operation.UPDATE
                                    || c.operation() == Operation.TRANSACT_WRITE) {
                                updates.add(c.items());
                            }
                        }
                    });
        }
    }

    private Recorder recorder;
    private DynamORM db;
    private Table<Doc> docs;

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @BeforeEach
    void setUp() {
        recorder = new Recorder();
        db =
                DynamORM.builder()
                        .client(local.client())
                        .tableNamePrefix("ur" + UUID.randomUUID().toString().substring(0, 8) + "_")
                        .plugin(recorder)
                        .build();
        docs = db.table(Doc.class);
        docs.createTable();
        docs.put(new Doc("a", "A", 1, "n", List.of("t"), Map.of("x", 1), null));
        docs.put(new Doc("b", "B", 1, "n", List.of("t"), Map.of("x", 1), null));
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }

    private ItemRef onlyUpdate() {
        assertThat(recorder.updates).hasSize(1);
        assertThat(recorder.updates.get(0)).hasSize(1);
        return recorder.updates.get(0).get(0);
    }

    @Test
    void builderUpdate_changedAttributesAreEveryActionsTopLevelAttribute_itemHoldsPlainSets() {
        Doc a = docs.get(Key.of("a")).orElseThrow();
        docs.update(
                a,
                u ->
                        u.set("title", "A2")
                                .increment("views")
                                .remove("note")
                                .appendToList("tags", List.of("u"))
                                .increment("counts.x", 2));

        ItemRef ref = onlyUpdate();
        assertThat(ref.action()).isEqualTo(ItemRef.Action.UPDATE);
        assertThat(ref.tableName()).isEqualTo(docs.tableName());
        assertThat(ref.key()).isEqualTo(key("a"));
        assertThat(ref.modelType()).contains(Doc.class);
        assertThat(ref.changedAttributes())
                .containsExactlyInAnyOrder("title", "views", "note", "tags", "counts", "version");
        // only plain top-level assignments form the partial item: the new title and version
        assertThat(ref.item())
                .hasValue(
                        Map.of(
                                "title", AttributeValue.fromS("A2"),
                                "version", AttributeValue.fromN("2")));
        assertThat(docs.get(Key.of("a")).orElseThrow())
                .isEqualTo(new Doc("a", "A2", 2, null, List.of("t", "u"), Map.of("x", 3), 2L));
    }

    @Test
    void chosenFieldsUpdate_reportsTheFieldsAndTheVersion() {
        Doc a = docs.get(Key.of("a")).orElseThrow();
        docs.update(new Doc("a", "A3", 9, null, a.tags(), a.counts(), a.version()), "title");

        ItemRef ref = onlyUpdate();
        assertThat(ref.changedAttributes()).containsExactlyInAnyOrder("title", "version");
        assertThat(ref.item())
                .hasValue(
                        Map.of(
                                "title", AttributeValue.fromS("A3"),
                                "version", AttributeValue.fromN("2")));
    }

    @Test
    void updateChanged_reportsSetAndRemovedAttributes() {
        Doc before = docs.get(Key.of("a")).orElseThrow();
        docs.updateChanged(
                before,
                new Doc("a", "A4", 1, null, before.tags(), before.counts(), before.version()));

        ItemRef ref = onlyUpdate();
        assertThat(ref.changedAttributes()).containsExactlyInAnyOrder("title", "note", "version");
        assertThat(ref.item())
                .hasValue(
                        Map.of(
                                "title", AttributeValue.fromS("A4"),
                                "version", AttributeValue.fromN("2")));
    }

    @Test
    void transactionUpdates_eachItemReportsItsOwnWrites() {
        db.transaction(
                t ->
                        t.update(Doc.class, Key.of("a"), u -> u.set("title", "TA"))
                                .update(Doc.class, Key.of("b"), u -> u.remove("note")));

        assertThat(recorder.updates).hasSize(1);
        List<ItemRef> refs = recorder.updates.get(0);
        assertThat(refs).extracting(ItemRef::key).containsExactly(key("a"), key("b"));
        // an update by key adds 1 to the version unchecked: changed, but not a plain assignment
        assertThat(refs.get(0).changedAttributes()).containsExactlyInAnyOrder("title", "version");
        assertThat(refs.get(0).item()).hasValue(Map.of("title", AttributeValue.fromS("TA")));
        assertThat(refs.get(1).changedAttributes()).containsExactlyInAnyOrder("note", "version");
        assertThat(refs.get(1).item()).hasValue(Map.of());
    }
}
