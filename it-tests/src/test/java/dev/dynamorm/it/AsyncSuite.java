package dev.dynamorm.it;

import static dev.dynamorm.Condition.when;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.AsyncTable;
import dev.dynamorm.ConditionFailedException;
import dev.dynamorm.DynamORM;
import dev.dynamorm.ItemAlreadyExistsException;
import dev.dynamorm.ItemNotFoundException;
import dev.dynamorm.OptimisticLockException;
import dev.dynamorm.Page;
import dev.dynamorm.QueryRequiresScanException;
import dev.dynamorm.ReturnValue;
import dev.dynamorm.Table;
import dev.dynamorm.WriteOptions;
import dev.dynamorm.WriteResult;
import dev.dynamorm.it.model.Account;
import dev.dynamorm.it.model.Order;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The ORM basics through the async view ({@code table.async()}) over the netty client and the
 * backend's HTTP endpoint: CRUD, conditional writes that fail, the update builder, version
 * conflicts, query and scan pagination. Run on every backend by the subclasses.
 */
@DynamoBackend(models = {Order.class, Account.class})
abstract class AsyncSuite {

    private DynamoDbAsyncClient client;
    private DynamORM db;
    private Table<Order> syncOrders;
    private AsyncTable<Order> orders;
    private AsyncTable<Account> accounts;

    @BeforeEach
    void setUp(DynamoDbClient raw, BackendContext backend) {
        client =
                DynamoDbAsyncClient.builder()
                        .endpointOverride(backend.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("a", "b")))
                        .httpClientBuilder(NettyNioAsyncHttpClient.builder())
                        .build();
        db =
                DynamORM.builder()
                        .client(raw)
                        .asyncClient(client)
                        .tableNamePrefix(backend.tableNamePrefix())
                        .build();
        syncOrders = db.table(Order.class);
        orders = syncOrders.async();
        accounts = db.table(Account.class).async();
    }

    @AfterEach
    void tearDown() {
        db.close();
        client.close();
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }

    /** What the future failed with, as a callback on it sees it (no CompletionException). */
    private static Throwable failureOf(CompletableFuture<?> future) {
        return future.handle((r, t) -> t).orTimeout(30, TimeUnit.SECONDS).join();
    }

    private static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** Collects a publisher, requesting one element at a time. */
    private static <E> List<E> collect(Flow.Publisher<E> publisher) {
        CompletableFuture<List<E>> done = new CompletableFuture<>();
        List<E> out = new CopyOnWriteArrayList<>();
        publisher.subscribe(
                new Flow.Subscriber<E>() {
                    private Flow.Subscription subscription;

                    @Override
                    public void onSubscribe(Flow.Subscription s) {
                        subscription = s;
                        s.request(1);
                    }

                    @Override
                    public void onNext(E item) {
                        out.add(item);
                        subscription.request(1);
                    }

                    @Override
                    public void onError(Throwable t) {
                        done.completeExceptionally(t);
                    }

                    @Override
                    public void onComplete() {
                        done.complete(List.copyOf(out));
                    }
                });
        return await(done);
    }

    @Test
    void crud_roundTripsThroughTheAsyncView() {
        String c = unique();
        Order order = Order.of(c, "o1", "NEW", 1250).withNote("fragile");
        await(orders.create(order));
        assertThat(await(orders.get(c, "o1"))).contains(order);
        assertThat(syncOrders.get(c, "o1")).contains(order);

        await(orders.put(order.withStatus("PAID")));
        assertThat(await(orders.get(c, "o1"))).contains(order.withStatus("PAID"));

        await(orders.delete(order));
        assertThat(await(orders.get(c, "o1"))).isEmpty();
        assertThat(syncOrders.get(c, "o1")).isEmpty();
    }

    @Test
    void create_ofExistingKey_failsTheFutureWithItemAlreadyExists() {
        String c = unique();
        Order stored = Order.of(c, "o1", "NEW", 100);
        await(orders.create(stored));
        Throwable failure = failureOf(orders.create(stored.withStatus("PAID")));
        assertThat(failure)
                .isExactlyInstanceOf(ItemAlreadyExistsException.class)
                .hasMessage(
                        "an item with key {customerId='"
                                + c
                                + "', orderId='o1'} already exists in table '"
                                + syncOrders.tableName()
                                + "' (model "
                                + Order.class.getName()
                                + ")");
        assertThat(((ItemAlreadyExistsException) failure).storedModel(Order.class))
                .contains(stored);
        assertThat(await(orders.get(c, "o1"))).contains(stored);
    }

    @Test
    void put_withFailingCondition_failsWithConditionFailedAndKeepsTheItem() {
        String c = unique();
        Order stored = Order.of(c, "o1", "NEW", 100);
        await(orders.put(stored));
        Throwable failure =
                failureOf(
                        orders.put(
                                stored.withStatus("PAID"),
                                WriteOptions.when(when("status", "=", "SHIPPED"))));
        assertThat(failure).isInstanceOf(ConditionFailedException.class);
        assertThat(failure).isNotInstanceOf(ItemAlreadyExistsException.class);
        assertThat(((ConditionFailedException) failure).storedModel(Order.class)).contains(stored);
        assertThat(await(orders.get(c, "o1"))).contains(stored);
    }

    @Test
    void updateBuilder_setsAddsAndRemoves_andReturnsTheStoredItem() {
        String c = unique();
        Order stored = Order.of(c, "o1", "NEW", 100).withNote("note");
        await(orders.create(stored));
        WriteResult<Order> updated =
                await(
                        orders.update(
                                stored,
                                u ->
                                        u.set("status", "SHIPPED")
                                                .add("totalCents", 50)
                                                .remove("note")
                                                .returnValue(ReturnValue.ALL_NEW)));
        Order expected = Order.of(c, "o1", "SHIPPED", 150).withNote(null);
        assertThat(updated.item()).contains(expected);
        assertThat(syncOrders.get(c, "o1")).contains(expected);

        Throwable missing =
                failureOf(
                        orders.update(Order.of(c, "nope", "NEW", 1), u -> u.set("status", "PAID")));
        assertThat(missing)
                .isExactlyInstanceOf(ItemNotFoundException.class)
                .hasMessageStartingWith(
                        "no item with key {customerId='" + c + "', orderId='nope'}");
    }

    @Test
    void versionedWrites_detectConflicts() {
        String id = unique();
        await(accounts.create(Account.of(id, 10)));
        Account first = await(accounts.get(id)).orElseThrow();
        assertThat(first.version()).isEqualTo(1);
        await(accounts.put(first.withBalance(20)));
        Throwable stale = failureOf(accounts.put(first.withBalance(30)));
        assertThat(stale)
                .isExactlyInstanceOf(OptimisticLockException.class)
                .hasMessageStartingWith("version conflict on key {id='" + id + "'}");
        Account second = await(accounts.get(id)).orElseThrow();
        assertThat(second.balance()).isEqualTo(20);
        assertThat(second.version()).isEqualTo(2);
        assertThat(failureOf(accounts.delete(first))).isInstanceOf(OptimisticLockException.class);
        await(accounts.delete(second));
        assertThat(await(accounts.get(id))).isEmpty();
    }

    @Test
    void queryAndScan_paginateLikeTheSyncApi() {
        String c = unique();
        List<Order> all = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            Order o =
                    Order.of(
                            c,
                            String.format(Locale.ROOT, "o%02d", i),
                            i % 3 == 0 ? "PAID" : "NEW",
                            i);
            syncOrders.create(o);
            all.add(o);
        }
        assertThat(await(orders.all(orders.where("customerId", "=", c)))).isEqualTo(all);
        assertThat(await(orders.first(orders.where("customerId", "=", c)))).contains(all.get(0));

        Page<Order> first = await(orders.page(orders.where("customerId", "=", c).limit(20)));
        assertThat(first.items()).isEqualTo(all.subList(0, 20));
        Page<Order> second =
                syncOrders.where("customerId", "=", c).limit(20).after(first.cursor()).page();
        assertThat(second.items()).isEqualTo(all.subList(20, 40));

        List<Page<Order>> pages =
                collect(orders.pages(orders.where("customerId", "=", c).limit(20)));
        assertThat(pages).extracting(p -> p.items().size()).containsExactly(20, 20, 5);
        assertThat(pages.get(0).cursor()).isNotNull();
        assertThat(pages.get(2).cursor()).isNull();
        assertThat(pages.stream().flatMap(p -> p.items().stream()).toList()).isEqualTo(all);

        List<Order> paid = all.stream().filter(o -> o.status().equals("PAID")).limit(10).toList();
        assertThat(
                        collect(
                                orders.items(
                                        orders.where("customerId", "=", c)
                                                .filter("status", "=", "PAID")
                                                .limit(10))))
                .isEqualTo(paid);
        assertThat(collect(orders.scanItems(orders.query().filter("customerId", "=", c))))
                .containsExactlyInAnyOrderElementsOf(all);
        assertThat(collect(orders.scanPages(orders.query().filter("customerId", "=", c).limit(20))))
                .extracting(p -> p.items().size())
                .containsExactly(20, 20, 5);

        assertThat(failureOf(orders.all(orders.where("note", "=", "x"))))
                .isExactlyInstanceOf(QueryRequiresScanException.class);
    }
}
