package dev.dynamorm.engine.internal.async;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.AsyncTable;
import dev.dynamorm.DynamORM;
import dev.dynamorm.Hook;
import dev.dynamorm.HookContext;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Key;
import dev.dynamorm.Operation;
import dev.dynamorm.OptimisticLockException;
import dev.dynamorm.Outcome;
import dev.dynamorm.Plugin;
import dev.dynamorm.ReturnValue;
import dev.dynamorm.UniqueConstraintException;
import dev.dynamorm.WriteOptions;
import dev.dynamorm.annotations.CreatedAt;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.Unique;
import dev.dynamorm.annotations.Version;
import dev.dynamorm.local.LocalDynamoDb;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes of models with {@code @Unique} fields through the async view: the sentinel items are
 * written in the same TransactWriteItems as the item, a clash fails the future with {@link
 * UniqueConstraintException}, a unique value changed between the read and the write is read again.
 * The instance has only an async client (its sync client refuses every call), and the SDK completes
 * its futures on the netty event loop, so a blocking or sync call anywhere would fail here.
 */
final class AsyncUniqueTest {

    private static LocalDynamoDb local;
    // the client's event loop, owned here: a Netty client that owns its loop waits Netty's 2 s
    // quiet period when it closes
    private static SdkEventLoopGroup loop;
    private static DynamoDbAsyncClient async;
    private static ExecutorService app;

    @DynamoTable("async_members")
    record Member(
            @PartitionKey String id, @Unique String email, String name, @Version long version) {
        Member withEmail(String e) {
            return new Member(id, e, name, version);
        }
    }

    @DynamoTable("async_accounts")
    record Account(@PartitionKey String id, @Unique String handle, @CreatedAt Instant createdAt) {}

    /** Records the operation and thread of every request; runs an action before one of them. */
    static final class Recorder implements Plugin {
        final List<Operation> operations = new java.util.concurrent.CopyOnWriteArrayList<>();
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        volatile Consumer<HookContext> beforeTransaction;

        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public List<Hook> hooks() {
            return List.of(
                    new Hook() {
                        @Override
                        public void before(HookContext context) {
                            operations.add(context.operation());
                            threads.add(Thread.currentThread().getName());
                            Consumer<HookContext> action = beforeTransaction;
                            if (action != null && context.operation() == Operation.TRANSACT_WRITE) {
                                beforeTransaction = null;
                                action.accept(context);
                            }
                        }

                        @Override
                        public void after(HookContext context, Outcome outcome) {
                            threads.add(Thread.currentThread().getName());
                        }
                    });
        }
    }

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
        loop = SdkEventLoopGroup.builder().build();
        async =
                LocalAsyncClients.builder(local, loop)
                        .asyncConfiguration(
                                c ->
                                        c.advancedOption(
                                                SdkAdvancedAsyncClientOption
                                                        .FUTURE_COMPLETION_EXECUTOR,
                                                Runnable::run))
                        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                        .build();
        app =
                Executors.newFixedThreadPool(
                        2,
                        r -> {
                            Thread t = new Thread(r, "app-async");
                            t.setDaemon(true);
                            return t;
                        });
        try (DynamORM db = DynamORM.builder().client(local.client()).build()) {
            db.table(Member.class).createTable();
            db.table(Account.class).createTable();
        }
    }

    @AfterAll
    static void stop() {
        async.close();
        loop.eventLoopGroup().shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        app.shutdownNow();
        local.close();
    }

    /** An instance with only an async client: any sync call fails. */
    private static DynamORM asyncOnly(Plugin plugin) {
        return DynamORM.builder()
                .asyncClient(async)
                .asyncExecutor(app)
                .discoverPlugins(false)
                .plugin(plugin)
                .build();
    }

    private static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        return future.handle((r, t) -> t).orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** The sentinel item of an e-mail address, read raw; null when absent. */
    private static Map<String, AttributeValue> sentinel(String email) {
        return sentinel("async_members", "email", email);
    }

    /** The sentinel item of a unique value, read raw; null when absent. */
    private static Map<String, AttributeValue> sentinel(String table, String field, String value) {
        Map<String, AttributeValue> item =
                local.client()
                        .getItem(
                                b ->
                                        b.tableName(table)
                                                .key(
                                                        Map.of(
                                                                "id",
                                                                AttributeValue.fromS(
                                                                        "$unique#"
                                                                                + field
                                                                                + "#"
                                                                                + value)))
                                                .consistentRead(true))
                        .item();
        return item == null || item.isEmpty() ? null : item;
    }

    private static void assertOffTheEventLoop(Recorder recorder) {
        assertThat(recorder.threads).isNotEmpty().noneMatch(t -> t.contains("eventloop"));
    }

    @Test
    void create_claimsTheValueInOneTransaction_andAClashFailsTheFuture() {
        Recorder recorder = new Recorder();
        String r = run();
        try (DynamORM db = asyncOnly(recorder)) {
            AsyncTable<Member> members = db.table(Member.class).async();
            Member ann =
                    await(members.create(new Member("ann" + r, "ann" + r, "Ann", 0)))
                            .written()
                            .orElseThrow();

            assertThat(ann.version()).isEqualTo(1);
            assertThat(sentinel("ann" + r))
                    .containsEntry(
                            "uniqueOwner",
                            AttributeValue.fromM(Map.of("id", AttributeValue.fromS("ann" + r))));
            assertThat(recorder.operations).containsExactly(Operation.TRANSACT_WRITE);
            assertThat(failureOf(members.create(new Member("bob" + r, "ann" + r, "Bob", 0))))
                    .isInstanceOfSatisfying(
                            UniqueConstraintException.class,
                            e -> {
                                assertThat(e.field()).isEqualTo("email");
                                assertThat(e.value()).isEqualTo("ann" + r);
                                assertThat(e.operation()).contains(Operation.CREATE);
                            })
                    .hasMessage(
                            "create of model "
                                    + Member.class.getName()
                                    + ": @Unique field 'email' already has the value 'ann"
                                    + r
                                    + "' in another item of table 'async_members'; nothing was"
                                    + " written");
            assertThat(await(members.get("bob" + r))).isEmpty();
            assertOffTheEventLoop(recorder);
        }
    }

    @Test
    void putUpdateAndDelete_readTheStoredValuesWithoutBlocking_andMoveTheSentinels() {
        Recorder recorder = new Recorder();
        String r = run();
        try (DynamORM db = asyncOnly(recorder)) {
            AsyncTable<Member> members = db.table(Member.class).async();
            Member ann =
                    await(members.create(new Member("ann" + r, "a1" + r, "Ann", 0)))
                            .written()
                            .orElseThrow();
            await(members.create(new Member("bob" + r, "b1" + r, "Bob", 0)));
            recorder.operations.clear();

            // update of the named fields: the stored value is read, then the sentinel moves
            Member moved =
                    await(members.update(ann.withEmail("a2" + r), WriteOptions.defaults(), "email"))
                            .written()
                            .orElseThrow();
            assertThat(recorder.operations)
                    .containsExactly(Operation.GET, Operation.TRANSACT_WRITE);
            assertThat(sentinel("a1" + r)).isNull();
            assertThat(sentinel("a2" + r)).isNotNull();
            assertThat(moved.version()).isEqualTo(2);

            // a stale version is still a version conflict, and moves nothing
            assertThat(
                            failureOf(
                                    members.update(
                                            ann.withEmail("a3" + r),
                                            WriteOptions.defaults(),
                                            "email")))
                    .isInstanceOf(OptimisticLockException.class);
            assertThat(sentinel("a3" + r)).isNull();

            // put of another item's value: refused, the stored item unchanged
            assertThat(failureOf(members.put(moved.withEmail("b1" + r))))
                    .isInstanceOfSatisfying(
                            UniqueConstraintException.class,
                            e -> assertThat(e.operation()).contains(Operation.PUT));
            assertThat(await(members.get("ann" + r)).orElseThrow().email()).isEqualTo("a2" + r);
            await(members.put(moved.withEmail("a4" + r)));
            assertThat(sentinel("a2" + r)).isNull();
            assertThat(sentinel("a4" + r)).isNotNull();

            // the update builder: set moves, remove frees
            Member bob = await(members.get("bob" + r)).orElseThrow();
            assertThat(failureOf(members.update(bob, u -> u.set("email", "a4" + r))))
                    .isInstanceOf(UniqueConstraintException.class);
            await(members.update(bob, u -> u.set("email", "b2" + r)));
            assertThat(sentinel("b1" + r)).isNull();
            assertThat(sentinel("b2" + r)).isNotNull();
            bob = await(members.get("bob" + r)).orElseThrow();
            await(members.update(bob, u -> u.remove("email")));
            assertThat(sentinel("b2" + r)).isNull();

            // delete by item and by key frees the values
            await(members.delete(await(members.get("ann" + r)).orElseThrow()));
            assertThat(sentinel("a4" + r)).isNull();
            await(members.create(new Member("cy" + r, "c1" + r, "Cy", 0)));
            await(members.delete(new Key("cy" + r, null), WriteOptions.defaults()));
            assertThat(sentinel("c1" + r)).isNull();
            assertOffTheEventLoop(recorder);
        }
    }

    @Test
    void aUniqueValueChangedBetweenTheReadAndTheWrite_isReadAgain_andTheWriteSucceeds() {
        Recorder recorder = new Recorder();
        String r = run();
        try (DynamORM db = asyncOnly(recorder)) {
            AsyncTable<Member> members = db.table(Member.class).async();
            await(members.create(new Member("ann" + r, "a1" + r, "Ann", 0)));
            AtomicBoolean raced = new AtomicBoolean();
            // another writer changes the stored value after this update read it
            recorder.beforeTransaction =
                    c -> {
                        raced.set(true);
                        local.client()
                                .updateItem(
                                        b ->
                                                b.tableName("async_members")
                                                        .key(
                                                                Map.of(
                                                                        "id",
                                                                        AttributeValue.fromS(
                                                                                "ann" + r)))
                                                        .updateExpression("SET email = :e")
                                                        .expressionAttributeValues(
                                                                Map.of(
                                                                        ":e",
                                                                        AttributeValue.fromS(
                                                                                "other" + r))));
                    };
            recorder.operations.clear();

            Member ann = await(members.get("ann" + r)).orElseThrow();
            recorder.operations.clear();
            await(members.update(ann, u -> u.set("email", "a2" + r)));

            assertThat(raced).isTrue();
            assertThat(recorder.operations)
                    .containsExactly(
                            Operation.GET,
                            Operation.TRANSACT_WRITE,
                            Operation.GET,
                            Operation.TRANSACT_WRITE);
            assertThat(await(members.get("ann" + r)).orElseThrow().email()).isEqualTo("a2" + r);
            assertThat(sentinel("a2" + r)).isNotNull();
            assertOffTheEventLoop(recorder);
        }
    }

    @Test
    void asyncTransactions_readTheStoredUniqueValuesWithoutBlocking_andMoveTheSentinels() {
        Recorder recorder = new Recorder();
        String r = run();
        try (DynamORM db = asyncOnly(recorder)) {
            AsyncTable<Member> members = db.table(Member.class).async();
            Member ann =
                    await(members.create(new Member("ann" + r, "a1" + r, "Ann", 0)))
                            .written()
                            .orElseThrow();
            Member bob =
                    await(members.create(new Member("bob" + r, "b1" + r, "Bob", 0)))
                            .written()
                            .orElseThrow();
            recorder.operations.clear();

            // a put and an update in one transaction: both stored values are read, then both move
            await(
                    db.async()
                            .transaction(
                                    tx ->
                                            tx.put(ann.withEmail("a2" + r))
                                                    .update(bob, u -> u.set("email", "b2" + r))));
            assertThat(recorder.operations)
                    .containsExactlyInAnyOrder(
                            Operation.GET, Operation.GET, Operation.TRANSACT_WRITE);
            assertThat(recorder.operations).last().isEqualTo(Operation.TRANSACT_WRITE);
            assertThat(sentinel("a1" + r)).isNull();
            assertThat(sentinel("a2" + r)).isNotNull();
            assertThat(sentinel("b1" + r)).isNull();
            assertThat(sentinel("b2" + r)).isNotNull();
            assertThat(await(members.get("bob" + r)).orElseThrow().email()).isEqualTo("b2" + r);

            // a put taking another item's value: the transaction fails, nothing moves
            Member stored = await(members.get("ann" + r)).orElseThrow();
            assertThat(failureOf(db.async().transaction(tx -> tx.put(stored.withEmail("b2" + r)))))
                    .isInstanceOfSatisfying(
                            UniqueConstraintException.class,
                            e -> {
                                assertThat(e.field()).isEqualTo("email");
                                assertThat(e.value()).isEqualTo("b2" + r);
                                assertThat(e.operation()).contains(Operation.TRANSACT_WRITE);
                            });
            assertThat(await(members.get("ann" + r)).orElseThrow().email()).isEqualTo("a2" + r);
            assertThat(sentinel("a2" + r)).isNotNull();

            // a delete frees the value
            await(db.async().transaction(tx -> tx.delete(stored)));
            assertThat(sentinel("a2" + r)).isNull();
            assertThat(await(members.get("ann" + r))).isEmpty();
            assertOffTheEventLoop(recorder);
        }
    }

    @Test
    void anAsyncTransactionPut_keepsTheStoredCreationTime_andMovesTheUniqueValue() {
        Recorder recorder = new Recorder();
        String r = run();
        try (DynamORM db = asyncOnly(recorder)) {
            AsyncTable<Account> accounts = db.table(Account.class).async();
            Account created =
                    await(accounts.create(new Account("acc" + r, "h1" + r, null)))
                            .written()
                            .orElseThrow();
            assertThat(created.createdAt()).isNotNull();
            recorder.operations.clear();

            // without a creation time: the stored one is kept, read with the unique value
            await(db.async().transaction(tx -> tx.put(new Account("acc" + r, "h2" + r, null))));
            assertThat(recorder.operations)
                    .containsExactlyInAnyOrder(
                            Operation.GET, Operation.GET, Operation.TRANSACT_WRITE);
            Account now = await(accounts.get("acc" + r)).orElseThrow();
            assertThat(now.handle()).isEqualTo("h2" + r);
            assertThat(now.createdAt()).isEqualTo(created.createdAt());
            assertThat(sentinel("async_accounts", "handle", "h1" + r)).isNull();
            assertThat(sentinel("async_accounts", "handle", "h2" + r)).isNotNull();
            assertOffTheEventLoop(recorder);
        }
    }

    @Test
    void returnValuesOtherThanNone_areRefusedBeforeSending() {
        Recorder recorder = new Recorder();
        String r = run();
        try (DynamORM db = asyncOnly(recorder)) {
            AsyncTable<Member> members = db.table(Member.class).async();
            assertThat(
                            failureOf(
                                    members.put(
                                            new Member("ann" + r, "a1" + r, "Ann", 0),
                                            WriteOptions.builder()
                                                    .returnValue(ReturnValue.ALL_OLD)
                                                    .build())))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining(
                            "a write returning ALL_OLD (it is sent as TransactWriteItems)");
            assertThat(recorder.operations).isEmpty();
        }
    }

    @Test
    void eightConcurrentCreators_ofOneValue_exactlyOneWins() {
        Recorder recorder = new Recorder();
        String r = run();
        try (DynamORM db = asyncOnly(recorder)) {
            AsyncTable<Member> members = db.table(Member.class).async();
            List<CompletableFuture<String>> outcomes = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                outcomes.add(
                        members.create(new Member("w" + w + r, "same" + r, "W", 0))
                                .handle(
                                        (ok, failed) ->
                                                failed == null
                                                        ? "won"
                                                        : failed
                                                                        instanceof
                                                                        UniqueConstraintException
                                                                ? "lost"
                                                                : failed.toString()));
            }
            List<String> results = outcomes.stream().map(AsyncUniqueTest::await).toList();

            assertThat(results).filteredOn("won"::equals).hasSize(1);
            assertThat(results).filteredOn("lost"::equals).hasSize(7);
            String owner = sentinel("same" + r).get("uniqueOwner").m().get("id").s();
            assertThat(await(members.get(owner))).isPresent();
        }
    }
}
