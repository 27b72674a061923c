package dev.dynamorm.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.IndexScorer;
import dev.dynamorm.Operation;
import dev.dynamorm.QueryPlan;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.local.LocalDynamoDb;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The instance-wide {@link IndexScorer}, set on the builder or discovered, chooses the access path
 * of every query unless the query sets its own; checked with {@code explain()} and with the raw
 * request the SDK sent to the embedded engine's HTTP endpoint.
 */
final class GlobalIndexScorerTest {

    private static LocalDynamoDb local;

    /** The table's partition key and the GSI's partition key can both be bound. */
    @DynamoTable("scored")
    record Ticket(
            @PartitionKey String tenant,
            @SortKey String id,
            @IndexKey(index = "by-owner") String owner,
            String title) {}

    private final List<QueryRequest> sent = new CopyOnWriteArrayList<>();
    private DynamoDbClient client;

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
        try (DynamORM db = DynamORM.builder().client(local.client()).build()) {
            Table<Ticket> tickets = db.table(Ticket.class);
            tickets.createTable();
            tickets.put(new Ticket("t1", "1", "ann", "first"));
            tickets.put(new Ticket("t1", "2", "bob", "second"));
            tickets.put(new Ticket("t2", "3", "ann", "third"));
        }
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @BeforeEach
    void recordingClient() {
        ExecutionInterceptor recorder =
                new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(
                            Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof QueryRequest q) {
                            sent.add(q);
                        }
                    }
                };
        client =
                DynamoDbClient.builder()
                        .endpointOverride(local.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("a", "b")))
                        .overrideConfiguration(o -> o.addExecutionInterceptor(recorder))
                        .build();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private DynamORM db(Consumer<DynamORM.Builder> settings) {
        DynamORM.Builder b = DynamORM.builder().client(client);
        settings.accept(b);
        return b.build();
    }

    private List<Ticket> annOfT1(Table<Ticket> tickets) {
        sent.clear();
        return tickets.where("tenant", "=", "t1").where("owner", "=", "ann").all();
    }

    @Test
    void withoutScorer_theDefaultPrefersTheTable() {
        try (DynamORM db = db(b -> {})) {
            Table<Ticket> tickets = db.table(Ticket.class);
            assertThat(
                            tickets.where("tenant", "=", "t1")
                                    .where("owner", "=", "ann")
                                    .explain()
                                    .indexName())
                    .isEmpty();
            assertThat(annOfT1(tickets)).extracting(Ticket::id).containsExactly("1");
            assertThat(sent).singleElement().satisfies(q -> assertThat(q.indexName()).isNull());
        }
    }

    @Test
    void builderScorer_choosesTheGlobalIndexForEveryQuery() {
        try (DynamORM db = db(b -> b.indexScorer(new PreferGlobalIndexes()))) {
            Table<Ticket> tickets = db.table(Ticket.class);
            QueryPlan plan =
                    tickets.where("tenant", "=", "t1").where("owner", "=", "ann").explain();
            assertThat(plan.operation()).isEqualTo(Operation.QUERY);
            assertThat(plan.indexName()).contains("by-owner");
            assertThat(plan.candidates()).hasSize(2);
            assertThat(annOfT1(tickets)).extracting(Ticket::id).containsExactly("1");
            assertThat(sent)
                    .singleElement()
                    .satisfies(
                            q -> {
                                assertThat(q.indexName()).isEqualTo("by-owner");
                                assertThat(q.keyConditionExpression()).doesNotContain("AND");
                                assertThat(q.filterExpression()).isNotNull();
                            });
        }
    }

    @Test
    void queryScorer_overridesTheBuilderScorer() {
        IndexScorer tableOnly = c -> c.global() ? OptionalInt.empty() : c.defaultScore();
        try (DynamORM db = db(b -> b.indexScorer(new PreferGlobalIndexes()))) {
            Table<Ticket> tickets = db.table(Ticket.class);
            sent.clear();
            List<Ticket> found =
                    tickets.where("tenant", "=", "t1")
                            .where("owner", "=", "ann")
                            .indexScorer(tableOnly)
                            .all();
            assertThat(found).extracting(Ticket::id).containsExactly("1");
            assertThat(sent).singleElement().satisfies(q -> assertThat(q.indexName()).isNull());
            assertThat(
                            tickets.query()
                                    .where("tenant", "=", "t1")
                                    .where("owner", "=", "ann")
                                    .indexScorer(tableOnly)
                                    .explain()
                                    .indexName())
                    .isEmpty();
        }
    }

    @Test
    void discoveredScorer_isUsed_andTheBuilderScorerReplacesIt(@TempDir Path services)
            throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader =
                ServiceFiles.loaderListing(
                        services, IndexScorer.class, PreferGlobalIndexes.class)) {
            thread.setContextClassLoader(loader);
            try (DynamORM db = db(b -> {})) {
                Table<Ticket> tickets = db.table(Ticket.class);
                assertThat(
                                tickets.where("tenant", "=", "t1")
                                        .where("owner", "=", "ann")
                                        .explain()
                                        .indexName())
                        .contains("by-owner");
                annOfT1(tickets);
                assertThat(sent)
                        .singleElement()
                        .satisfies(q -> assertThat(q.indexName()).isEqualTo("by-owner"));
            }
            try (DynamORM db = db(b -> b.indexScorer(IndexScorer.Candidate::defaultScore))) {
                Table<Ticket> tickets = db.table(Ticket.class);
                annOfT1(tickets);
                assertThat(sent).singleElement().satisfies(q -> assertThat(q.indexName()).isNull());
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    void discoveredScorer_isFoundThroughTheLoaderDynamORMWasBuiltUnder(@TempDir Path services)
            throws IOException {
        // the lookup is made at the first query; it must see what the build would have seen
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader =
                ServiceFiles.loaderListing(
                        services, IndexScorer.class, PreferGlobalIndexes.class)) {
            DynamORM db;
            thread.setContextClassLoader(loader);
            try {
                db = db(b -> {});
            } finally {
                thread.setContextClassLoader(previous);
            }
            try (db) {
                Table<Ticket> tickets = db.table(Ticket.class);
                assertThat(annOfT1(tickets)).extracting(Ticket::id).containsExactly("1");
                assertThat(sent)
                        .singleElement()
                        .satisfies(q -> assertThat(q.indexName()).isEqualTo("by-owner"));
            }
        }
    }
}
