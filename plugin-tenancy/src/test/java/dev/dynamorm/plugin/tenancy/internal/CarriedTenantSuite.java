package dev.dynamorm.plugin.tenancy.internal;

import static dev.dynamorm.plugin.tenancy.TenantProvider.callAs;
import static dev.dynamorm.plugin.tenancy.TenantProvider.runAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dynamorm.AsyncBatchWriter;
import dev.dynamorm.AsyncTable;
import dev.dynamorm.BatchGetIncompleteException;
import dev.dynamorm.BatchGetResult;
import dev.dynamorm.BatchOptions;
import dev.dynamorm.BatchWriter;
import dev.dynamorm.BatchWriterOptions;
import dev.dynamorm.DynamORM;
import dev.dynamorm.Key;
import dev.dynamorm.Page;
import dev.dynamorm.Table;
import dev.dynamorm.plugin.tenancy.TenancyException;
import dev.dynamorm.plugin.tenancy.internal.TenantModels.Doc;
import dev.dynamorm.plugin.tenancy.internal.TenantModels.Invoice;
import dev.dynamorm.plugin.tenancy.internal.TenantModels.Plain;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The tenant of a thread ({@code runAs}) binds the requests DynamORM sends for the caller later or
 * from other threads: the chunks of a sync batch sent by its worker threads, the chunks of an async
 * batch sent as earlier ones complete, a batch writer's writes sent by its senders, the segments of
 * a parallel scan and the pages of a publisher requested from another thread. Each is bound to the
 * tenant captured on the caller's thread, never to the sending thread's (which here has none, or
 * another tenant), and a read or write of another tenant's item is still refused. Run on every
 * backend by the subclasses.
 */
@DynamoBackend(models = {Invoice.class, Doc.class, Plain.class})
abstract class CarriedTenantSuite {

    /** More keys than one BatchGetItem (100) and writes than one BatchWriteItem (25) take. */
    private static final int MANY = 130;

    private static SdkEventLoopGroup loop;

    private DynamoDbAsyncClient client;
    private DynamORM db;
    private Table<Invoice> invoices;
    private AsyncTable<Invoice> asyncInvoices;
    private ExecutorService tenantB;
    private String a;
    private String b;

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
        String run = UUID.randomUUID().toString().substring(0, 8);
        a = "a-" + run;
        b = "b-" + run;
        String other = b;
        // the async view's continuations and retries run on a thread whose tenant is b
        tenantB =
                Executors.newFixedThreadPool(
                        2, r -> new Thread(() -> runAs(other, r), "tenant-b-" + run));
        db =
                DynamORM.builder()
                        .client(raw)
                        .asyncClient(client)
                        .asyncExecutor(tenantB)
                        .tableNamePrefix(backend.tableNamePrefix())
                        .discoverPlugins(false)
                        .plugin(new TenancyPlugin())
                        .build();
        invoices = db.table(Invoice.class);
        asyncInvoices = invoices.async();
        runAs(b, () -> invoices.put(new Invoice(b, "i0", "OPEN", 100)));
    }

    @AfterEach
    void tearDown() {
        db.close();
        client.close();
        tenantB.shutdownNow();
    }

    private static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(60, TimeUnit.SECONDS).join();
    }

    private List<Invoice> many(String tenant, String prefix) {
        List<Invoice> items = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            items.add(new Invoice(tenant, prefix + i, "OPEN", i));
        }
        return items;
    }

    private static List<Key> keys(List<Invoice> items) {
        return items.stream().map(i -> Key.of(i.tenant(), i.id())).toList();
    }

    @Test
    void syncBatches_sentByWorkerThreads_areBoundToTheCallersTenant() {
        List<Invoice> mine = many(a, "s");
        BatchOptions fourWorkers = BatchOptions.builder().workers(4).build();
        runAs(
                a,
                () -> {
                    assertThat(invoices.batchWrite(mine, List.of(), fourWorkers).written())
                            .isEqualTo(MANY);
                    BatchGetResult<Invoice> read = invoices.batchGet(keys(mine), fourWorkers);
                    assertThat(read.items()).containsExactlyInAnyOrderElementsOf(mine);
                    assertThat(invoices.query().allowScan().parallelScan(4))
                            .containsExactlyInAnyOrderElementsOf(mine);
                });
        // a's batch naming b's key: the chunk holding it is refused on the worker thread that
        // would send it (nothing sent), and nothing of b's is returned
        List<Key> withB = new ArrayList<>(keys(mine));
        withB.add(Key.of(b, "i0"));
        Throwable refused = callAs(a, () -> catchThrowable(() -> invoices.batchGet(withB)));
        assertThat(refused)
                .isInstanceOf(BatchGetIncompleteException.class)
                .hasCauseInstanceOf(TenancyException.class)
                .hasMessageContaining("tenant '" + a + "' may not read an item of another tenant");
        assertThat(((BatchGetIncompleteException) refused).unprocessedKeys())
                .contains(Key.of(b, "i0"));
        assertThat(((BatchGetIncompleteException) refused).result().items())
                .isNotEmpty()
                .allMatch(i -> ((Invoice) i).tenant().equals(a));
    }

    @Test
    void asyncBatches_sentAsEarlierChunksComplete_areBoundToTheCallersTenant() {
        List<Invoice> mine = many(a, "c");
        // one lane: every chunk after the first is sent from the completion of the one before,
        // on a thread whose tenant is b
        BatchOptions oneWorker = BatchOptions.builder().workers(1).build();
        CompletableFuture<?> written =
                callAs(a, () -> asyncInvoices.batchWrite(mine, List.of(), oneWorker));
        await(written);
        BatchGetResult<Invoice> read =
                await(callAs(a, () -> asyncInvoices.batchGet(keys(mine), oneWorker)));
        assertThat(read.items()).containsExactlyInAnyOrderElementsOf(mine);
        assertThat(await(callAs(a, () -> asyncInvoices.parallelScan(invoicesScan(), 3))))
                .containsExactlyInAnyOrderElementsOf(mine);
    }

    private dev.dynamorm.Query<Invoice> invoicesScan() {
        return invoices.query().allowScan();
    }

    @Test
    void aPublisherRequestedFromAnotherTenantsThread_readsTheCallersItems() throws Exception {
        List<Invoice> mine = many(a, "p");
        runAs(a, () -> invoices.batchPut(mine));
        // pages of 20: the second and later are sent as the one before completes
        Flow.Publisher<Page<Invoice>> pages =
                callAs(a, () -> asyncInvoices.pages(invoices.query().limit(20)));
        // subscribed, and each page requested, on a thread of tenant b
        List<Invoice> got = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> done = new CompletableFuture<>();
        tenantB.submit(
                        () ->
                                pages.subscribe(
                                        new Flow.Subscriber<Page<Invoice>>() {
                                            @Override
                                            public void onSubscribe(Flow.Subscription s) {
                                                s.request(Long.MAX_VALUE);
                                            }

                                            @Override
                                            public void onNext(Page<Invoice> page) {
                                                got.addAll(page.items());
                                            }

                                            @Override
                                            public void onError(Throwable t) {
                                                done.completeExceptionally(t);
                                            }

                                            @Override
                                            public void onComplete() {
                                                done.complete(null);
                                            }
                                        }))
                .get(30, TimeUnit.SECONDS);
        await(done);
        assertThat(got).containsExactlyInAnyOrderElementsOf(mine);
    }

    @Test
    void aBatchWriterFedByTwoTenantsThreads_storesEachItemUnderItsOwnTenant() throws Exception {
        List<Invoice> ofA = many(a, "w");
        List<Invoice> ofB = many(b, "w");
        try (BatchWriter writer =
                db.batchWriter(
                        BatchWriterOptions.builder()
                                .flushInterval(Duration.ofMillis(20))
                                .build())) {
            feed(
                    () -> runAs(a, () -> ofA.forEach(writer::put)),
                    () -> runAs(b, () -> ofB.forEach(writer::put)));
            // a write naming another tenant is refused on the caller's thread, before it is queued
            Throwable foreign =
                    callAs(
                            a,
                            () -> catchThrowable(() -> writer.put(new Invoice(b, "x", "OPEN", 1))));
            assertThat(foreign).isInstanceOf(TenancyException.class);
            writer.flush();
        }
        assertStoredUnderOwnTenant(ofA, ofB);
    }

    @Test
    void anAsyncBatchWriterFedByTwoTenantsThreads_storesEachItemUnderItsOwnTenant()
            throws Exception {
        List<Invoice> ofA = many(a, "v");
        List<Invoice> ofB = many(b, "v");
        AsyncBatchWriter writer =
                db.async()
                        .batchWriter(
                                BatchWriterOptions.builder()
                                        .flushInterval(Duration.ofMillis(20))
                                        .build());
        List<CompletableFuture<Void>> accepted = Collections.synchronizedList(new ArrayList<>());
        feed(
                () -> runAs(a, () -> ofA.forEach(i -> accepted.add(writer.put(i)))),
                () -> runAs(b, () -> ofB.forEach(i -> accepted.add(writer.put(i)))));
        assertThat(await(writer.close()).written()).isEqualTo(2 * MANY);
        await(CompletableFuture.allOf(accepted.toArray(new CompletableFuture<?>[0])));
        assertStoredUnderOwnTenant(ofA, ofB);
    }

    /** Runs both feeders at once on two threads of their own, and waits for them. */
    private static void feed(Runnable first, Runnable second) throws Exception {
        ExecutorService feeders = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Void> one = CompletableFuture.runAsync(first, feeders);
            CompletableFuture<Void> two = CompletableFuture.runAsync(second, feeders);
            CompletableFuture.allOf(one, two).get(60, TimeUnit.SECONDS);
        } finally {
            feeders.shutdownNow();
        }
    }

    private void assertStoredUnderOwnTenant(List<Invoice> ofA, List<Invoice> ofB) {
        runAs(
                a,
                () -> {
                    assertThat(invoices.batchGet(keys(ofA)).items())
                            .containsExactlyInAnyOrderElementsOf(ofA);
                    // b's item is still refused to a's request
                    assertThat(catchThrowable(() -> invoices.get(b, "w0")))
                            .isInstanceOf(TenancyException.class);
                });
        runAs(
                b,
                () ->
                        assertThat(invoices.batchGet(keys(ofB)).items())
                                .containsExactlyInAnyOrderElementsOf(ofB));
    }
}
