package dev.dynamorm.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The tables of {@code models} exist before the tests, under the class's prefix, and are deleted
 * after. Needs the DynamORM engine, a test dependency of the kit.
 */
@DynamoBackend(value = Backend.DYNOXIDE, models = ModelTablesTest.Note.class)
class ModelTablesTest {

    static final AtomicReference<BackendContext> FIXTURE = new AtomicReference<>();
    static final AtomicReference<List<String>> SEEN_AFTER = new AtomicReference<>();

    @DynamoTable("notes")
    public record Note(@PartitionKey String id, String text) {}

    @Test
    void modelTablesExistUnderThePrefixAndDynamOrmUsesIt(
            DynamORM db, DynamoDbClient client, BackendContext context) {
        assertThat(client.listTables().tableNames()).contains(context.tableName("notes"));

        Table<Note> notes = db.table(Note.class);
        assertThat(notes.tableName()).isEqualTo(context.tableName("notes"));
        notes.put(new Note("n1", "hello"));
        assertThat(notes.get("n1")).contains(new Note("n1", "hello"));
    }

    @Test
    void modelTablesAreDeletedAfterTheClass() {
        EngineExecutionResults results =
                KitRuns.run(
                        List.of(WithModels.class, Verifier.class), Settings.REQUIRE, "dynalite");

        results.testEvents().assertStatistics(stats -> stats.succeeded(2));
        assertThat(SEEN_AFTER.get())
                .noneMatch(name -> name.startsWith(FIXTURE.get().tableNamePrefix()));
    }

    @Test
    void aModelThatCannotBeCreatedFailsTheClassAndTheTablesCreatedBeforeItAreDeleted() {
        FIXTURE.set(null);
        EngineExecutionResults results =
                KitRuns.run(
                        List.of(WithBadModel.class, Verifier.class), Settings.REQUIRE, "dynalite");

        assertThat(KitRuns.messages(results.containerEvents().failed().list()))
                .singleElement()
                .asString()
                .contains(NotAModel.class.getName());
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(SEEN_AFTER.get()).noneMatch(name -> name.endsWith("_WithBadModel_notes"));
    }

    /** Has no @DynamoTable. */
    public static final class NotAModel {
        public String id;
    }

    @DynamoBackend(
            value = Backend.DYNALITE,
            models = {Note.class, NotAModel.class})
    @Order(1)
    static class WithBadModel {
        @Test
        void neverRuns() {
            throw new AssertionError("the class must fail before its tests");
        }
    }

    @DynamoBackend(value = Backend.DYNALITE, models = Note.class)
    @Order(1)
    static class WithModels {
        @Test
        void seesItsTable(DynamoDbClient client, BackendContext context) {
            FIXTURE.set(context);
            assertThat(client.listTables().tableNames()).contains(context.tableName("notes"));
        }
    }

    @DynamoBackend(Backend.DYNALITE)
    @Order(2)
    static class Verifier {
        @Test
        void listsTables(DynamoDbClient client) {
            SEEN_AFTER.set(client.listTables().tableNames());
        }
    }
}
