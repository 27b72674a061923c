package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.BatchOptions;
import dev.dynamorm.BatchWriter;
import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.it.model.Account;
import dev.dynamorm.it.model.Memo;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
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
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;

/**
 * Batch puts of instances without {@code @CreatedAt} keep the stored creation time — {@code
 * batchPut}, the async {@code batchPut} and the batch writer — read back from the server, with what
 * crossed the wire recorded by the SDK: one BatchGetItem before the write when a put needs it, none
 * otherwise. Run on every backend by the subclasses.
 */
@DynamoBackend(models = {Memo.class, Account.class})
abstract class BatchCreatedAtSuite {

    private static final Instant T0 =
            Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
    private static final Instant EXPLICIT = Instant.parse("2020-01-02T03:04:05Z");

    // one event loop for the class (a client owning its loop waits Netty's quiet period on close)
    private static SdkEventLoopGroup loop;

    private final List<SdkRequest> sent = new CopyOnWriteArrayList<>();
    private DynamoDbClient client;
    private DynamoDbAsyncClient async;
    private TestClock clock;
    private DynamORM db;
    private Table<Memo> memos;
    private DynamoDbClient raw;

    @BeforeAll
    static void startLoop() {
        loop = SdkEventLoopGroup.builder().numberOfThreads(2).build();
    }

    @AfterAll
    static void stopLoop() {
        loop.eventLoopGroup().shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @BeforeEach
    void setUp(DynamoDbClient raw, BackendContext backend) {
        this.raw = raw;
        ExecutionInterceptor recorder =
                new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(
                            Context.BeforeExecution context, ExecutionAttributes attributes) {
                        sent.add(context.request());
                    }
                };
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("dynamorm", "dynamorm"));
        client =
                DynamoDbClient.builder()
                        .endpointOverride(backend.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(credentials)
                        .httpClientBuilder(Apache5HttpClient.builder())
                        .overrideConfiguration(o -> o.addExecutionInterceptor(recorder))
                        .build();
        async =
                DynamoDbAsyncClient.builder()
                        .endpointOverride(backend.endpoint())
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
                        .tableNamePrefix(backend.tableNamePrefix())
                        .clock(clock)
                        .build();
        memos = db.table(Memo.class);
    }

    @AfterEach
    void tearDown() {
        db.close();
        async.close();
        client.close();
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }

    private long sent(Class<? extends SdkRequest> type) {
        return sent.stream().filter(type::isInstance).count();
    }

    private Instant storedCreatedAt(String id) {
        return Instant.parse(
                raw.getItem(
                                b ->
                                        b.tableName(memos.tableName())
                                                .key(Map.of("id", AttributeValue.fromS(id)))
                                                .consistentRead(true))
                        .item()
                        .get("createdAt")
                        .s());
    }

    /** Stores the memos at T0 and moves the clock on: the time of the batch. */
    private Instant storedAtT0(String... ids) {
        for (String id : ids) {
            memos.put(Memo.of(id, "first"));
        }
        Instant t1 = clock.advance(Duration.ofMinutes(5));
        sent.clear();
        return t1;
    }

    private void assertStored(String kept, String fresh, String explicit, Instant t1) {
        assertThat(memos.get(kept)).contains(new Memo(kept, "second", T0, t1));
        assertThat(memos.get(fresh)).contains(new Memo(fresh, "second", t1, t1));
        assertThat(memos.get(explicit)).contains(new Memo(explicit, "second", EXPLICIT, t1));
        assertThat(storedCreatedAt(kept)).isEqualTo(T0);
    }

    private static List<Memo> batch(String kept, String fresh, String explicit) {
        return List.of(
                Memo.of(kept, "second"),
                Memo.of(fresh, "second"),
                new Memo(explicit, "second", EXPLICIT, null));
    }

    @Test
    void batchPut_withoutCreatedAt_keepsTheStoredCreationTime_newItemsGetTheClock() {
        String kept = unique();
        String fresh = unique();
        String explicit = unique();
        Instant t1 = storedAtT0(kept, explicit);
        memos.batchPut(batch(kept, fresh, explicit));
        assertThat(sent.get(0)).isInstanceOf(BatchGetItemRequest.class);
        assertThat(sent(BatchGetItemRequest.class)).isEqualTo(1);
        assertThat(sent(BatchWriteItemRequest.class)).isEqualTo(1);
        assertStored(kept, fresh, explicit, t1);
    }

    @Test
    void asyncBatchPut_withoutCreatedAt_keepsTheStoredCreationTime() {
        String kept = unique();
        String fresh = unique();
        String explicit = unique();
        Instant t1 = storedAtT0(kept, explicit);
        memos.async().batchPut(batch(kept, fresh, explicit)).orTimeout(30, TimeUnit.SECONDS).join();
        assertThat(sent.get(0)).isInstanceOf(BatchGetItemRequest.class);
        assertThat(sent(BatchGetItemRequest.class)).isEqualTo(1);
        assertStored(kept, fresh, explicit, t1);
    }

    @Test
    void batchWriter_withoutCreatedAt_keepsTheStoredCreationTime() {
        String kept = unique();
        String fresh = unique();
        String explicit = unique();
        Instant t1 = storedAtT0(kept, explicit);
        try (BatchWriter writer = db.batchWriter()) {
            batch(kept, fresh, explicit).forEach(writer::put);
        }
        assertThat(sent.get(0)).isInstanceOf(BatchGetItemRequest.class);
        assertStored(kept, fresh, explicit, t1);
    }

    @Test
    void batchesOfNewOrDatedItems_sendNoBatchGetItem() {
        String dated = unique();
        storedAtT0(dated);
        memos.batchPut(List.of(new Memo(dated, "second", EXPLICIT, null)));
        memos.async()
                .batchPut(List.of(new Memo(unique(), "x", EXPLICIT, null)))
                .orTimeout(30, TimeUnit.SECONDS)
                .join();
        // a versioned instance at version 0 is new, as for put
        String fresh = unique();
        db.table(Account.class)
                .batchWrite(
                        List.of(Account.of(fresh, 5)),
                        List.of(),
                        BatchOptions.builder().ignoreVersioning(true).build());
        assertThat(sent(BatchWriteItemRequest.class)).isEqualTo(3);
        assertThat(sent(BatchGetItemRequest.class)).isZero();
        assertThat(storedCreatedAt(dated)).isEqualTo(EXPLICIT);
        assertThat(db.table(Account.class).get(fresh).orElseThrow().createdAt())
                .isEqualTo(clock.instant());
    }
}
