package dev.dynamorm.plugin.tenancy.internal;

import static dev.dynamorm.plugin.tenancy.TenantProvider.callAs;
import static dev.dynamorm.plugin.tenancy.TenantProvider.runAs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.AsyncBatchWriter;
import dev.dynamorm.AsyncTable;
import dev.dynamorm.BatchWriter;
import dev.dynamorm.BatchWriterOptions;
import dev.dynamorm.DynamORM;
import dev.dynamorm.Key;
import dev.dynamorm.Table;
import dev.dynamorm.local.FaultInjection;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.plugin.tenancy.internal.TenantModels.Invoice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * The resends of unprocessed keys and items (forced by dynamorm-local's fault injection: half of
 * every batch's elements come back unprocessed) are bound to the tenant captured on the caller's
 * thread: the async view resends after a backoff timer on an executor thread whose tenant is
 * another one; the batch writers resend from their sender threads. Only dynamorm-local can leave
 * elements unprocessed on demand, so this runs on it alone (over HTTP, a real Netty client).
 */
final class CarriedTenantResendTest {

    private static LocalDynamoDb local;
    private static SdkEventLoopGroup loop;
    private static DynamoDbAsyncClient client;

    private ExecutorService tenantB;
    private DynamORM db;
    private Table<Invoice> invoices;
    private AsyncTable<Invoice> asyncInvoices;
    private String a;

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
        loop = SdkEventLoopGroup.builder().numberOfThreads(1).build();
        client =
                DynamoDbAsyncClient.builder()
                        .endpointOverride(local.endpoint())
                        .region(Region.of(local.region()))
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("akid", "secret")))
                        .httpClientBuilder(NettyNioAsyncHttpClient.builder().eventLoopGroup(loop))
                        // the SDK's own retries would absorb the throttling with their backoff
                        // (seconds): DynamORM's policy below retries, on its timer
                        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                        .build();
        try (DynamORM setup = DynamORM.builder().client(local.client()).build()) {
            setup.table(Invoice.class).createTable();
        }
    }

    @AfterAll
    static void stop() {
        client.close();
        loop.eventLoopGroup().shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        local.close();
    }

    @BeforeEach
    void setUp() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        a = "a-" + run;
        String b = "b-" + run;
        // the async view's continuations and resends run on a thread whose tenant is b
        tenantB = Executors.newFixedThreadPool(2, r -> new Thread(() -> runAs(b, r), "tenant-b"));
        db =
                DynamORM.builder()
                        .client(local.client())
                        .asyncClient(client)
                        .asyncExecutor(tenantB)
                        .discoverPlugins(false)
                        .plugin(new TenancyPlugin())
                        // resend what is left unprocessed up to 60 times, 1 ms apart
                        .retryPolicy(
                                (attempts, elapsed, failure) ->
                                        attempts < 60
                                                ? Optional.of(Duration.ofMillis(1))
                                                : Optional.empty())
                        .build();
        invoices = db.table(Invoice.class);
        asyncInvoices = invoices.async();
        local.faults(FaultInjection.builder().seed(7).unprocessedRate(0.5).build());
    }

    @AfterEach
    void tearDown() {
        local.faults(FaultInjection.none());
        db.close();
        tenantB.shutdownNow();
    }

    private static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(60, TimeUnit.SECONDS).join();
    }

    private List<Invoice> items(String prefix, int n) {
        List<Invoice> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Invoice(a, prefix + i, "OPEN", i));
        }
        return out;
    }

    private static List<Key> keys(List<Invoice> items) {
        return items.stream().map(i -> Key.of(i.tenant(), i.id())).toList();
    }

    /** What is stored, read without faults as tenant a. */
    private List<Invoice> stored(List<Invoice> items) {
        local.faults(FaultInjection.none());
        return callAs(a, () -> invoices.batchGet(keys(items)).items());
    }

    @Test
    void asyncBatchResends_afterTheirBackoffOnAnotherTenantsThread_areBoundToTheCaller() {
        List<Invoice> mine = items("r", 40);
        assertThat(await(callAs(a, () -> asyncInvoices.batchPut(mine))).written()).isEqualTo(40);
        assertThat(await(callAs(a, () -> asyncInvoices.batchGet(keys(mine)))).items())
                .containsExactlyInAnyOrderElementsOf(mine);
        assertThat(stored(mine)).containsExactlyInAnyOrderElementsOf(mine);
    }

    @Test
    void asyncSingleItemRetries_afterTheirBackoffOnAnotherTenantsThread_keepTheCallersTenant() {
        // throttled at random: a retry waits on a timer and is sent from the executor (tenant b);
        // the hooks ran once, on the caller's thread, and the item read is checked against a
        local.faults(FaultInjection.builder().seed(11).throttleRate(0.5).build());
        List<Invoice> mine = items("t", 12);
        for (Invoice i : mine) {
            await(callAs(a, () -> asyncInvoices.put(i)));
            assertThat(await(callAs(a, () -> asyncInvoices.get(a, i.id())))).contains(i);
        }
        assertThat(stored(mine)).containsExactlyInAnyOrderElementsOf(mine);
    }

    @Test
    void syncBatchResends_andTheBatchWritersResends_areBoundToTheCaller() throws Exception {
        List<Invoice> sync = items("s", 40);
        List<Invoice> writer = items("w", 40);
        List<Invoice> asyncWriter = items("v", 40);
        runAs(
                a,
                () -> {
                    assertThat(invoices.batchPut(sync).written()).isEqualTo(40);
                    assertThat(invoices.batchGet(keys(sync)).items())
                            .containsExactlyInAnyOrderElementsOf(sync);
                });
        BatchWriterOptions soon =
                BatchWriterOptions.builder().flushInterval(Duration.ofMillis(5)).build();
        try (BatchWriter w = db.batchWriter(soon)) {
            List<CompletableFuture<Void>> accepted =
                    callAs(a, () -> writer.stream().map(w::put).toList());
            w.flush();
            CompletableFuture.allOf(accepted.toArray(new CompletableFuture<?>[0]))
                    .get(60, TimeUnit.SECONDS);
        }
        AsyncBatchWriter aw = db.async().batchWriter(soon);
        callAs(a, () -> asyncWriter.stream().map(aw::put).toList());
        assertThat(await(aw.close()).written()).isEqualTo(40);
        assertThat(stored(sync)).containsExactlyInAnyOrderElementsOf(sync);
        assertThat(stored(writer)).containsExactlyInAnyOrderElementsOf(writer);
        assertThat(stored(asyncWriter)).containsExactlyInAnyOrderElementsOf(asyncWriter);
    }
}
