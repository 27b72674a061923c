package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynamorm.AsyncDynamORM;
import dev.dynamorm.AsyncTable;
import dev.dynamorm.DynamORM;
import dev.dynamorm.Key;
import dev.dynamorm.Operation;
import dev.dynamorm.OptimisticLockException;
import dev.dynamorm.UniqueConstraintException;
import dev.dynamorm.WriteOptions;
import dev.dynamorm.it.model.Member;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code @Unique} fields through the async view ({@code table.async()}) over the netty client and
 * the backend's HTTP endpoint, on an instance built with only an async client: the sentinel items
 * are written in the same TransactWriteItems as the item; a clash fails the future with {@link
 * UniqueConstraintException}; an async transaction reads the stored values it moves through the
 * async client; of 8 concurrent async writers of one value exactly one wins. Skipped on backends
 * without transactions (dynalite).
 */
@DynamoBackend(models = Member.class)
abstract class AsyncUniqueSuite {

    private static final int WRITERS = 8;

    // one event loop for the class (see AsyncSuite)
    private static SdkEventLoopGroup loop;

    private DynamoDbClient raw;
    private DynamoDbAsyncClient client;
    private DynamORM db;
    private AsyncTable<Member> members;
    private String run;

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
        assumeTrue(
                backend.supportsTransactions(),
                backend.backend() + " has no TransactWriteItems, which @Unique fields need");
        this.raw = raw;
        client = BackendAsyncClients.builder(backend, loop).build();
        // only an async client: a sync call anywhere on the async path would fail
        db =
                DynamORM.builder()
                        .asyncClient(client)
                        .tableNamePrefix(backend.tableNamePrefix())
                        .build();
        members = db.table(Member.class).async();
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
            client.close();
        }
    }

    private String email(String name) {
        return name + "-" + run + "@example.com";
    }

    private String id(String name) {
        return name + "-" + run;
    }

    private static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(60, TimeUnit.SECONDS).join();
    }

    /** What the future failed with, as a callback on it sees it. */
    private static Throwable failureOf(CompletableFuture<?> future) {
        return future.handle((r, t) -> t).orTimeout(60, TimeUnit.SECONDS).join();
    }

    /** The sentinel item of an e-mail address, read raw; null when absent. */
    private Map<String, AttributeValue> sentinel(String value) {
        Map<String, AttributeValue> item =
                raw.getItem(
                                b ->
                                        b.tableName(db.table(Member.class).tableName())
                                                .key(
                                                        Map.of(
                                                                "id",
                                                                AttributeValue.fromS(
                                                                        "$unique#email#" + value)))
                                                .consistentRead(true))
                        .item();
        return item == null || item.isEmpty() ? null : item;
    }

    @Test
    void create_claimsTheValue_andASecondCreateOfIt_failsTheFuture_namingFieldAndValue() {
        await(members.create(Member.of(id("ann"), email("ann"), null)));

        assertThat(sentinel(email("ann")))
                .containsEntry(
                        "uniqueOwner",
                        AttributeValue.fromM(Map.of("id", AttributeValue.fromS(id("ann")))));
        assertThat(failureOf(members.create(Member.of(id("bob"), email("ann"), null))))
                .isInstanceOfSatisfying(
                        UniqueConstraintException.class,
                        e -> {
                            assertThat(e.field()).isEqualTo("email");
                            assertThat(e.value()).isEqualTo(email("ann"));
                            assertThat(e.operation()).contains(Operation.CREATE);
                        })
                .hasMessage(
                        "create of model dev.dynamorm.it.model.Member: @Unique field 'email' already has"
                                + " the value '"
                                + email("ann")
                                + "' in another item of table '"
                                + db.table(Member.class).tableName()
                                + "'; nothing was written");
        assertThat(await(members.get(id("bob")))).isEmpty();
    }

    @Test
    void updatePutAndDelete_moveAndFreeTheSentinels() {
        Member ann =
                await(members.create(Member.of(id("ann"), email("ann"), null)))
                        .written()
                        .orElseThrow();
        await(members.create(Member.of(id("bob"), email("bob"), null)));

        Member moved =
                await(
                                members.update(
                                        ann.withEmail(email("ann2")),
                                        WriteOptions.defaults(),
                                        "email"))
                        .written()
                        .orElseThrow();
        assertThat(sentinel(email("ann"))).isNull();
        assertThat(sentinel(email("ann2"))).isNotNull();
        assertThat(
                        failureOf(
                                members.update(
                                        ann.withEmail(email("ann3")),
                                        WriteOptions.defaults(),
                                        "email")))
                .isInstanceOf(OptimisticLockException.class);
        assertThat(sentinel(email("ann3"))).isNull();

        assertThat(failureOf(members.put(moved.withEmail(email("bob")))))
                .isInstanceOfSatisfying(
                        UniqueConstraintException.class,
                        e -> assertThat(e.operation()).contains(Operation.PUT));
        assertThat(await(members.get(id("ann"))).orElseThrow().email()).isEqualTo(email("ann2"));
        await(members.put(moved.withEmail(email("ann4"))));
        assertThat(sentinel(email("ann2"))).isNull();
        assertThat(sentinel(email("ann4"))).isNotNull();

        Member bob = await(members.get(id("bob"))).orElseThrow();
        assertThat(failureOf(members.update(bob, u -> u.set("email", email("ann4")))))
                .isInstanceOf(UniqueConstraintException.class);
        await(members.update(bob, u -> u.remove("email")));
        assertThat(sentinel(email("bob"))).isNull();

        await(members.delete(await(members.get(id("ann"))).orElseThrow()));
        assertThat(sentinel(email("ann4"))).isNull();
        await(members.create(Member.of(id("cy"), email("ann"), null)));
        await(members.delete(new Key(id("cy"), null), WriteOptions.defaults()));
        assertThat(sentinel(email("ann"))).isNull();
    }

    @Test
    void anAsyncTransaction_createClaimsTheValue() {
        AsyncDynamORM async = db.async();
        await(members.create(Member.of(id("ann"), email("ann"), null)));

        await(async.transaction(tx -> tx.create(Member.of(id("bob"), email("bob"), null))));
        assertThat(sentinel(email("bob"))).isNotNull();
        assertThat(
                        failureOf(
                                async.transaction(
                                        tx -> tx.create(Member.of(id("cy"), email("ann"), null)))))
                .isInstanceOfSatisfying(
                        UniqueConstraintException.class,
                        e -> assertThat(e.operation()).contains(Operation.TRANSACT_WRITE));
        assertThat(await(members.get(id("cy")))).isEmpty();
    }

    @Test
    void anAsyncTransaction_putUpdateAndDelete_readTheStoredValues_andMoveTheSentinels() {
        AsyncDynamORM async = db.async();
        Member ann =
                await(members.create(Member.of(id("ann"), email("ann"), null)))
                        .written()
                        .orElseThrow();
        Member bob =
                await(members.create(Member.of(id("bob"), email("bob"), null)))
                        .written()
                        .orElseThrow();

        // on an instance with only an async client: the stored values are read through it
        await(
                async.transaction(
                        tx ->
                                tx.put(ann.withEmail(email("ann2")))
                                        .update(bob, u -> u.set("email", email("bob2")))));
        assertThat(sentinel(email("ann"))).isNull();
        assertThat(sentinel(email("ann2"))).isNotNull();
        assertThat(sentinel(email("bob"))).isNull();
        assertThat(sentinel(email("bob2"))).isNotNull();
        assertThat(await(members.get(id("bob"))).orElseThrow().email()).isEqualTo(email("bob2"));

        Member stored = await(members.get(id("ann"))).orElseThrow();
        assertThat(failureOf(async.transaction(tx -> tx.put(stored.withEmail(email("bob2"))))))
                .isInstanceOfSatisfying(
                        UniqueConstraintException.class,
                        e -> {
                            assertThat(e.value()).isEqualTo(email("bob2"));
                            assertThat(e.operation()).contains(Operation.TRANSACT_WRITE);
                        });
        assertThat(await(members.get(id("ann"))).orElseThrow().email()).isEqualTo(email("ann2"));

        await(async.transaction(tx -> tx.delete(stored)));
        assertThat(sentinel(email("ann2"))).isNull();
        assertThat(await(members.get(id("ann")))).isEmpty();
    }

    @Test
    void eightConcurrentAsyncCreators_ofOneValue_exactlyOneWins() {
        List<CompletableFuture<String>> outcomes = new ArrayList<>();
        String value = email("same");
        for (int w = 0; w < WRITERS; w++) {
            outcomes.add(outcome(members.create(Member.of(id("w" + w), value, null))));
        }
        List<String> results = outcomes.stream().map(AsyncUniqueSuite::await).toList();

        assertThat(results).filteredOn("won"::equals).hasSize(1);
        assertThat(results).filteredOn("lost"::equals).hasSize(WRITERS - 1);
        String owner = sentinel(value).get("uniqueOwner").m().get("id").s();
        assertThat(await(members.get(owner)).orElseThrow().email()).isEqualTo(value);
        for (int w = 0; w < WRITERS; w++) {
            boolean won = owner.equals(id("w" + w));
            assertThat(await(members.get(id("w" + w))).isPresent()).isEqualTo(won);
        }
    }

    @Test
    void eightConcurrentAsyncUpdaters_toOneValue_exactlyOneWins_andTheLosersKeepTheirOwn() {
        String target = email("target");
        for (int w = 0; w < WRITERS; w++) {
            await(members.create(Member.of(id("u" + w), email("own" + w), null)));
        }
        // every writer reads first, so all eight updates are in flight together
        List<CompletableFuture<String>> outcomes = new ArrayList<>();
        List<Member> stored = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            stored.add(await(members.get(id("u" + w))).orElseThrow());
        }
        for (int w = 0; w < WRITERS; w++) {
            Member m = stored.get(w);
            outcomes.add(outcome(members.update(m, u -> u.set("email", target))));
        }
        List<String> results = outcomes.stream().map(AsyncUniqueSuite::await).toList();

        assertThat(results).filteredOn("won"::equals).hasSize(1);
        assertThat(results).filteredOn("lost"::equals).hasSize(WRITERS - 1);
        String winner = sentinel(target).get("uniqueOwner").m().get("id").s();
        for (int w = 0; w < WRITERS; w++) {
            boolean won = winner.equals(id("u" + w));
            Member now = await(members.get(id("u" + w))).orElseThrow();
            assertThat(now.email()).isEqualTo(won ? target : email("own" + w));
            assertThat(sentinel(email("own" + w)) == null).isEqualTo(won);
        }
    }

    /** "won", "lost" (a unique clash) or the unexpected failure. */
    private static CompletableFuture<String> outcome(CompletableFuture<?> write) {
        return write.handle(
                (ok, failed) ->
                        failed == null
                                ? "won"
                                : failed instanceof UniqueConstraintException
                                        ? "lost"
                                        : String.valueOf(failed));
    }
}
