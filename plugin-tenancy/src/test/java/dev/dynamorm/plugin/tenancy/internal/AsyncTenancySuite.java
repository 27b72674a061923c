package dev.dynamorm.plugin.tenancy.internal;

import static dev.dynamorm.plugin.tenancy.TenantProvider.callAs;
import static dev.dynamorm.plugin.tenancy.TenantProvider.runAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dynamorm.AsyncDynamORM;
import dev.dynamorm.AsyncTable;
import dev.dynamorm.ConditionFailedException;
import dev.dynamorm.DynamORM;
import dev.dynamorm.InvalidCursorException;
import dev.dynamorm.Key;
import dev.dynamorm.Table;
import dev.dynamorm.WriteOptions;
import dev.dynamorm.plugin.tenancy.TenancyException;
import dev.dynamorm.plugin.tenancy.internal.TenantModels.Doc;
import dev.dynamorm.plugin.tenancy.internal.TenantModels.Invoice;
import dev.dynamorm.plugin.tenancy.internal.TenantModels.Plain;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Tenant isolation through the async view ({@code table.async()}, {@code db.async()}): the tenant
 * is the caller's (taken on the calling thread, whatever thread answers), and every refusal fails
 * the future with the exception the sync call throws — same type, same message, same cause — for
 * refused key lookups, writes, updates, batches, transactions, cursors and a missing tenant. Reads
 * that return items are disabled: they fail through the async view (see {@link #AFTER_READ_BUG}).
 * Run on every backend by the subclasses.
 */
@DynamoBackend(models = {Invoice.class, Doc.class, Plain.class})
abstract class AsyncTenancySuite {

    // one event loop for the class: a netty client owning its loop waits 2 s when it closes
    private static SdkEventLoopGroup loop;

    private DynamoDbAsyncClient client;
    private DynamORM db;
    private Table<Invoice> invoices;
    private Table<Doc> docs;
    private AsyncTable<Invoice> asyncInvoices;
    private AsyncTable<Doc> asyncDocs;
    private AsyncDynamORM async;
    private String a;
    private String b;
    private String folder;

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
        client = AsyncClients.of(backend, loop);
        db =
                DynamORM.builder()
                        .client(raw)
                        .asyncClient(client)
                        .tableNamePrefix(backend.tableNamePrefix())
                        .discoverPlugins(false)
                        .plugin(new TenancyPlugin())
                        .build();
        invoices = db.table(Invoice.class);
        docs = db.table(Doc.class);
        asyncInvoices = invoices.async();
        asyncDocs = docs.async();
        async = db.async();
        String run = UUID.randomUUID().toString().substring(0, 8);
        a = "a-" + run;
        b = "b-" + run;
        folder = "f-" + run;
        runAs(
                a,
                () -> {
                    invoices.put(new Invoice(a, "i0", "OPEN", 1));
                    invoices.put(new Invoice(a, "i1", "PAID", 2));
                    docs.put(new Doc(folder, "1", null, "a's first"));
                    docs.put(new Doc(folder, "2", null, "a's second"));
                });
        runAs(
                b,
                () -> {
                    invoices.put(new Invoice(b, "i0", "OPEN", 100));
                    docs.put(new Doc(folder, "3", null, "b's"));
                });
    }

    @AfterEach
    void tearDown() {
        db.close();
        client.close();
    }

    private static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(30, TimeUnit.SECONDS).join();
    }

    /**
     * As tenant {@code tenant}, the sync call throws and the async call (started on this thread)
     * fails its future with the same exception: type, message and cause type.
     *
     * @return the async failure, for further checks
     */
    private static Throwable sameFailure(
            String tenant, ThrowingCallable sync, Supplier<CompletableFuture<?>> async) {
        Throwable thrown =
                tenant == null ? catchThrowable(sync) : callAs(tenant, () -> catchThrowable(sync));
        CompletableFuture<?> call = tenant == null ? async.get() : callAs(tenant, async::get);
        Throwable failed = call.handle((r, t) -> t).orTimeout(30, TimeUnit.SECONDS).join();
        assertThat(thrown).as("the sync call throws").isNotNull();
        assertThat(failed)
                .as("the async call fails as the sync call (%s)", thrown)
                .isExactlyInstanceOf(thrown.getClass())
                .hasMessage(thrown.getMessage());
        if (thrown.getCause() != null) {
            assertThat(failed.getCause()).isExactlyInstanceOf(thrown.getCause().getClass());
        }
        return failed;
    }

    @Test
    void keyLookupOfAnotherTenant_failsAsTheSyncCall() {
        Throwable byKey =
                sameFailure(a, () -> invoices.get(b, "i0"), () -> asyncInvoices.get(b, "i0"));
        assertThat(byKey).isInstanceOf(TenancyException.class);
    }

    @Test
    void writesToAnotherTenantsItem_failAsTheSyncCalls_andChangeNothing() {
        assertThat(
                        sameFailure(
                                a,
                                () -> invoices.put(new Invoice(b, "i0", "OPEN", 1)),
                                () -> asyncInvoices.put(new Invoice(b, "i0", "OPEN", 1))))
                .isInstanceOf(TenancyException.class);
        sameFailure(
                a,
                () -> invoices.delete(Key.of(b, "i0"), WriteOptions.defaults()),
                () -> asyncInvoices.delete(Key.of(b, "i0"), WriteOptions.defaults()));
        assertThat(
                        sameFailure(
                                a,
                                () -> docs.put(new Doc(folder, "3", null, "stolen")),
                                () -> asyncDocs.put(new Doc(folder, "3", null, "stolen"))))
                .isInstanceOf(ConditionFailedException.class);
        assertThat(
                        sameFailure(
                                a,
                                () -> docs.put(new Doc(folder, "9", b, "planted")),
                                () -> asyncDocs.put(new Doc(folder, "9", b, "planted"))))
                .isInstanceOf(TenancyException.class);
        Doc own = new Doc(folder, "1", a, "a's first");
        assertThat(
                        sameFailure(
                                a,
                                () -> docs.update(own, u -> u.set("tenant", b)),
                                () -> asyncDocs.update(own, u -> u.set("tenant", b))))
                .isInstanceOf(TenancyException.class);
        runAs(
                b,
                () -> {
                    assertThat(invoices.get(b, "i0")).contains(new Invoice(b, "i0", "OPEN", 100));
                    assertThat(docs.get(folder, "3").map(Doc::title)).contains("b's");
                    assertThat(docs.get(folder, "9")).isEmpty();
                });
        assertThat(callAs(a, () -> docs.get(folder, "1").map(Doc::tenant))).contains(a);
    }

    @Test
    void batchesWithAnotherTenantsKey_failAsTheSyncCalls() {
        sameFailure(
                a,
                () -> invoices.batchGet(List.of(Key.of(a, "i0"), Key.of(b, "i0"))),
                () -> asyncInvoices.batchGet(List.of(Key.of(a, "i0"), Key.of(b, "i0"))));
        sameFailure(
                a,
                () -> invoices.batchPut(List.of(new Invoice(b, "x", "OPEN", 1))),
                () -> asyncInvoices.batchPut(List.of(new Invoice(b, "x", "OPEN", 1))));
        sameFailure(
                a,
                () -> docs.batchDelete(List.of(Key.of(folder, "3"))),
                () -> asyncDocs.batchDelete(List.of(Key.of(folder, "3"))));
        runAs(b, () -> assertThat(invoices.get(b, "x")).isEmpty());
    }

    @Test
    void transactionsWithAnotherTenantsKey_failAsTheSyncCalls() {
        assertThat(
                        sameFailure(
                                a,
                                () ->
                                        db.transaction(
                                                tx -> {
                                                    tx.put(new Invoice(a, "t1", "OPEN", 1));
                                                    tx.delete(Invoice.class, Key.of(b, "i0"));
                                                }),
                                () ->
                                        async.transaction(
                                                tx -> {
                                                    tx.put(new Invoice(a, "t1", "OPEN", 1));
                                                    tx.delete(Invoice.class, Key.of(b, "i0"));
                                                })))
                .isInstanceOf(TenancyException.class);
        sameFailure(
                a,
                () -> db.readTransaction(tx -> tx.get(Invoice.class, Key.of(b, "i0"))),
                () -> async.readTransaction(tx -> tx.get(Invoice.class, Key.of(b, "i0"))));
        assertThat(callAs(a, () -> invoices.get(a, "t1"))).isEmpty();
    }

    @Test
    void cursorOfAnotherTenant_failsAsTheSyncCall() {
        String cursor =
                callAs(
                        b,
                        () -> {
                            invoices.put(new Invoice(b, "i1", "OPEN", 1));
                            return invoices.query().limit(1).page().cursor();
                        });
        assertThat(cursor).isNotNull();
        assertThat(
                        sameFailure(
                                a,
                                () -> invoices.query().limit(1).after(cursor).page(),
                                () -> asyncInvoices.page(invoices.query().limit(1).after(cursor))))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void noTenant_failsAsTheSyncCall_beforeSending() {
        assertThat(sameFailure(null, () -> invoices.get(a, "i0"), () -> asyncInvoices.get(a, "i0")))
                .isInstanceOf(TenancyException.class);
        sameFailure(
                null,
                () -> invoices.put(new Invoice(a, "n", "OPEN", 1)),
                () -> asyncInvoices.put(new Invoice(a, "n", "OPEN", 1)));
        sameFailure(
                null,
                () -> invoices.query().allowScan().all(),
                () -> asyncInvoices.all(asyncInvoices.query().allowScan()));
        assertThat(callAs(a, () -> invoices.get(a, "n"))).isEmpty();
    }

    @Test
    void readsThroughTheAsyncView_seeTheCallersTenant_andAreCheckedAsTheSyncOnes() {
        List<Invoice> scanned =
                callAs(b, () -> await(asyncInvoices.all(asyncInvoices.query().allowScan())));
        assertThat(scanned).containsExactly(new Invoice(b, "i0", "OPEN", 100));
        assertThat(callAs(a, () -> await(asyncInvoices.get(a, "i1")))).isPresent();
        List<Doc> seen =
                callAs(a, () -> await(asyncDocs.all(asyncDocs.where("folder", "=", folder))));
        assertThat(seen).extracting(Doc::title).containsExactly("a's first", "a's second");
        assertThat(sameFailure(a, () -> docs.get(folder, "3"), () -> asyncDocs.get(folder, "3")))
                .isInstanceOf(TenancyException.class);
        sameFailure(
                a,
                () -> docs.batchGet(List.of(Key.of(folder, "3"))),
                () -> asyncDocs.batchGet(List.of(Key.of(folder, "3"))));
    }

    @Test
    void asyncReads_completedOnAThreadOfAnotherTenant_areCheckedAgainstTheCallersTenant(
            DynamoDbClient raw, BackendContext backend) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        // every continuation (conversion, afterRead) runs on a thread whose tenant is b
        DynamORM other =
                DynamORM.builder()
                        .client(raw)
                        .asyncClient(client)
                        .tableNamePrefix(backend.tableNamePrefix())
                        .discoverPlugins(false)
                        .plugin(new TenancyPlugin())
                        .asyncExecutor(r -> pool.execute(() -> runAs(b, r)))
                        .build();
        try {
            AsyncTable<Invoice> inv = other.table(Invoice.class).async();
            AsyncTable<Doc> doc = other.table(Doc.class).async();
            assertThat(callAs(a, () -> await(inv.get(a, "i1"))))
                    .contains(new Invoice(a, "i1", "PAID", 2));
            assertThat(callAs(a, () -> await(doc.all(doc.where("folder", "=", folder)))))
                    .extracting(Doc::title)
                    .containsExactly("a's first", "a's second");
            assertThat(callAs(a, () -> await(inv.all(inv.query().allowScan()))))
                    .extracting(Invoice::id)
                    .containsExactlyInAnyOrder("i0", "i1");
            // b's item, read by a request of a, is refused although the completing thread is b's
            Throwable refused = callAs(a, () -> catchThrowable(() -> await(doc.get(folder, "3"))));
            assertThat(refused)
                    .isInstanceOf(java.util.concurrent.CompletionException.class)
                    .cause()
                    .isInstanceOf(TenancyException.class)
                    .hasMessageContaining("tenant '" + a + "' may not read");
        } finally {
            other.close();
            pool.shutdown();
        }
    }

    @Test
    void anAsyncQueryOfSeveralPages_readsTheLaterPagesAsTheCallersTenant() {
        String many = folder + "-many";
        runAs(
                a,
                () -> {
                    for (int i = 0; i < 40; i++) {
                        docs.put(new Doc(many, String.format("%02d", i), null, "t" + i));
                    }
                });
        // the tenant filter and this one make each round read at most 32 items: the match is on
        // a later page, sent and read on the thread that completed the first one (no tenant there)
        assertThat(
                        callAs(
                                a,
                                () ->
                                        await(
                                                asyncDocs.first(
                                                        asyncDocs
                                                                .where("folder", "=", many)
                                                                .filter("title", "=", "t39")))))
                .map(Doc::id)
                .contains("39");
        assertThat(
                        callAs(
                                b,
                                () ->
                                        await(
                                                asyncDocs.first(
                                                        asyncDocs
                                                                .where("folder", "=", many)
                                                                .filter("title", "=", "t39")))))
                .isEmpty();
    }
}
