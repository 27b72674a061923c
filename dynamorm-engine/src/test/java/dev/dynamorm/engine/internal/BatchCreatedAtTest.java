package dev.dynamorm.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.BatchOptions;
import dev.dynamorm.BatchWriteIncompleteException;
import dev.dynamorm.BatchWriter;
import dev.dynamorm.DynamORM;
import dev.dynamorm.Key;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.CreatedAt;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.UpdatedAt;
import dev.dynamorm.annotations.Version;
import dev.dynamorm.local.FaultInjection;
import dev.dynamorm.local.LocalDynamoDb;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Batch puts of instances whose {@code @CreatedAt} is null keep the stored creation time (sync
 * batch writes, async batch writes, the batch writer): one consistent BatchGetItem of the key and
 * the creation attribute before the write, none when no put needs it; what was stored is read back.
 */
final class BatchCreatedAtTest {

    @DynamoTable("batch_created_at_notes")
    record Note(
            @PartitionKey String id,
            String text,
            @CreatedAt Instant createdAt,
            @UpdatedAt Instant updatedAt) {

        static Note of(String id, String text) {
            return new Note(id, text, null, null);
        }
    }

    @DynamoTable("batch_created_at_accounts")
    record Ledger(@PartitionKey String id, @Version long version, @CreatedAt Instant createdAt) {}

    /** A clock tests move by hand. */
    static final class TestClock extends Clock {
        private final AtomicReference<Instant> now;

        TestClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        Instant advance(Duration by) {
            return now.updateAndGet(i -> i.plus(by));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant EXPLICIT = Instant.parse("2020-01-02T03:04:05Z");

    private static LocalDynamoDb local;
    // one event loop for the class: a Netty client that owns its loop waits Netty's 2 s quiet
    // period when it closes, which each test paid
    private static SdkEventLoopGroup loop;
    private final List<SdkRequest> sent = new CopyOnWriteArrayList<>();
    private DynamoDbClient client;
    private DynamoDbAsyncClient async;
    private TestClock clock;
    private DynamORM db;
    private Table<Note> notes;

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
        loop = SdkEventLoopGroup.builder().build();
        try (DynamORM db = DynamORM.builder().client(local.client()).build()) {
            db.table(Note.class).createTableIfMissing();
            db.table(Ledger.class).createTableIfMissing();
        }
    }

    @AfterAll
    static void stop() {
        loop.eventLoopGroup().shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        local.close();
    }

    @BeforeEach
    void open() {
        ExecutionInterceptor recorder =
                new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(
                            Context.BeforeExecution context, ExecutionAttributes attributes) {
                        sent.add(context.request());
                    }
                };
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"));
        client =
                DynamoDbClient.builder()
                        .endpointOverride(local.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(credentials)
                        .overrideConfiguration(o -> o.addExecutionInterceptor(recorder))
                        .build();
        async =
                DynamoDbAsyncClient.builder()
                        .endpointOverride(local.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(credentials)
                        .httpClientBuilder(NettyNioAsyncHttpClient.builder().eventLoopGroup(loop))
                        .overrideConfiguration(o -> o.addExecutionInterceptor(recorder))
                        .build();
        clock = new TestClock(T0);
        db =
                DynamORM.builder()
                        .client(client)
                        .asyncClient(async)
                        .clock(clock)
                        .discoverPlugins(false)
                        .build();
        notes = db.table(Note.class);
    }

    @AfterEach
    void close() {
        local.faults(FaultInjection.none());
        db.close();
        async.close();
        client.close();
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }

    private <R extends SdkRequest> List<R> sent(Class<R> type) {
        return sent.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private Map<String, AttributeValue> raw(String id) {
        return local.client()
                .getItem(
                        b ->
                                b.tableName(notes.tableName())
                                        .key(Map.of("id", AttributeValue.fromS(id)))
                                        .consistentRead(true))
                .item();
    }

    /** Stores {@code stored} at T0, then moves the clock to T1. */
    private Instant storedAtT0(String... stored) {
        for (String id : stored) {
            notes.put(Note.of(id, "v1"));
        }
        return clock.advance(Duration.ofMinutes(5));
    }

    /** One stored note without a creation time, one new, one with its own: what is stored. */
    private void assertKeptNewAndExplicit(String kept, String fresh, String explicit, Instant t1) {
        assertThat(notes.get(kept)).contains(new Note(kept, "v2", T0, t1));
        assertThat(notes.get(fresh)).contains(new Note(fresh, "v2", t1, t1));
        assertThat(notes.get(explicit)).contains(new Note(explicit, "v2", EXPLICIT, t1));
        BatchGetItemRequest read = sent(BatchGetItemRequest.class).get(0);
        KeysAndAttributes asked = read.requestItems().get(notes.tableName());
        assertThat(asked.consistentRead()).isTrue();
        assertThat(asked.keys())
                .containsExactlyInAnyOrder(
                        Map.of("id", AttributeValue.fromS(kept)),
                        Map.of("id", AttributeValue.fromS(fresh)));
        assertThat(asked.projectionExpression().split(", ")).hasSize(2);
        assertThat(asked.expressionAttributeNames().values())
                .containsExactlyInAnyOrder("id", "createdAt");
    }

    @Test
    void batchPut_ofInstancesWithoutCreatedAt_keepsTheStoredOne_newItemsGetTheClock() {
        String kept = unique();
        String fresh = unique();
        String explicit = unique();
        Instant t1 = storedAtT0(kept, explicit);
        sent.clear();
        notes.batchPut(
                List.of(
                        Note.of(kept, "v2"),
                        Note.of(fresh, "v2"),
                        new Note(explicit, "v2", EXPLICIT, null)));
        assertThat(sent(BatchGetItemRequest.class)).hasSize(1);
        assertThat(sent(BatchWriteItemRequest.class)).hasSize(1);
        assertThat(sent.get(0)).isInstanceOf(BatchGetItemRequest.class);
        assertKeptNewAndExplicit(kept, fresh, explicit, t1);
    }

    @Test
    void asyncBatchPut_keepsTheStoredCreationTime_too() {
        String kept = unique();
        String fresh = unique();
        String explicit = unique();
        Instant t1 = storedAtT0(kept, explicit);
        sent.clear();
        notes.async()
                .batchPut(
                        List.of(
                                Note.of(kept, "v2"),
                                Note.of(fresh, "v2"),
                                new Note(explicit, "v2", EXPLICIT, null)))
                .orTimeout(30, TimeUnit.SECONDS)
                .join();
        assertThat(sent(BatchGetItemRequest.class)).hasSize(1);
        assertThat(sent.get(0)).isInstanceOf(BatchGetItemRequest.class);
        assertKeptNewAndExplicit(kept, fresh, explicit, t1);
    }

    @Test
    void batchWriter_keepsTheStoredCreationTime_too() throws Exception {
        String kept = unique();
        String fresh = unique();
        String explicit = unique();
        Instant t1 = storedAtT0(kept, explicit);
        sent.clear();
        try (BatchWriter writer = db.batchWriter()) {
            writer.put(Note.of(kept, "v2"));
            writer.put(Note.of(fresh, "v2"));
            writer.put(new Note(explicit, "v2", EXPLICIT, null));
            writer.flush();
        }
        assertThat(sent.get(0)).isInstanceOf(BatchGetItemRequest.class);
        assertKeptNewAndExplicit(kept, fresh, explicit, t1);
    }

    @Test
    void batchesThatNeedNoStoredCreationTime_sendNoBatchGetItem() throws Exception {
        String a = unique();
        String b = unique();
        storedAtT0(a);
        sent.clear();
        List<Note> explicit =
                List.of(new Note(a, "v2", EXPLICIT, null), new Note(b, "v2", EXPLICIT, null));
        notes.batchPut(explicit);
        notes.async().batchPut(explicit).orTimeout(30, TimeUnit.SECONDS).join();
        notes.batchDelete(List.of(Key.of(b)));
        try (BatchWriter writer = db.batchWriter()) {
            writer.put(explicit.get(1));
        }
        // a versioned instance at version 0 is new, as for put
        Table<Ledger> ledgers = db.table(Ledger.class);
        String l = unique();
        ledgers.batchWrite(
                List.of(new Ledger(l, 0, null)),
                List.of(),
                BatchOptions.builder().ignoreVersioning(true).build());
        assertThat(sent(BatchWriteItemRequest.class)).hasSize(5);
        assertThat(sent(BatchGetItemRequest.class)).isEmpty();
        assertThat(notes.get(a).orElseThrow().createdAt()).isEqualTo(EXPLICIT);
        assertThat(ledgers.get(l).orElseThrow().createdAt()).isEqualTo(clock.instant());
    }

    @Test
    void aStoredCreationTimeThatCannotBeRead_leavesThePutUnwritten_andTheItemAsStored() {
        String kept = unique();
        storedAtT0(kept);
        local.faults(FaultInjection.builder().unprocessedRate(1.0).build());
        BatchOptions twoAttempts =
                BatchOptions.builder()
                        .retryPolicy(
                                (attempts, elapsed, failure) ->
                                        attempts < 2
                                                ? Optional.of(Duration.ofMillis(1))
                                                : Optional.empty())
                        .build();
        Note put = Note.of(kept, "v2");
        sent.clear();
        assertThatThrownBy(() -> notes.batchWrite(List.of(put), List.of(), twoAttempts))
                .isInstanceOfSatisfying(
                        BatchWriteIncompleteException.class,
                        e -> assertThat(e.unwrittenPuts(Note.class)).containsExactly(put))
                .hasMessageContaining("@CreatedAt")
                .hasMessageContaining("not sent");
        Throwable async =
                notes.async()
                        .batchWrite(List.of(put), List.of(), twoAttempts)
                        .handle((r, t) -> t)
                        .orTimeout(30, TimeUnit.SECONDS)
                        .join();
        assertThat(async instanceof CompletionException ? async.getCause() : async)
                .isInstanceOf(BatchWriteIncompleteException.class)
                .hasMessageContaining("@CreatedAt");
        assertThat(sent(BatchGetItemRequest.class)).hasSize(4);
        assertThat(sent(BatchWriteItemRequest.class)).isEmpty();
        local.faults(FaultInjection.none());
        assertThat(raw(kept).get("text").s()).isEqualTo("v1");
        assertThat(Instant.parse(raw(kept).get("createdAt").s())).isEqualTo(T0);
    }
}
