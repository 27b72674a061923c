package dev.dynamorm.examples;

import dev.dynamorm.AsyncBatchWriter;
import dev.dynamorm.AsyncTable;
import dev.dynamorm.BatchWriteIncompleteException;
import dev.dynamorm.BatchWriteResult;
import dev.dynamorm.DynamORM;
import dev.dynamorm.ItemNotFoundException;
import dev.dynamorm.Page;
import dev.dynamorm.WriteResult;
import dev.dynamorm.local.LocalDynamoDb;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The README's async API on the embedded engine over HTTP (the async client finds the SDK's netty
 * HTTP client on the path).
 */
public final class AsyncTour {

    private AsyncTour() {}

    /**
     * Runs the tour.
     *
     * @param args none
     */
    public static void main(String[] args) {
        try (LocalDynamoDb local = LocalDynamoDb.start();
                DynamoDbAsyncClient asyncClient =
                        DynamoDbAsyncClient.builder()
                                .endpointOverride(local.endpoint())
                                .region(Region.of(local.region()))
                                .credentialsProvider(
                                        StaticCredentialsProvider.create(
                                                AwsBasicCredentials.create("akid", "secret")))
                                .build()) {
            DynamoDbClient dynamoDbClient = local.client();
            DynamORM.builder()
                    .client(dynamoDbClient)
                    .build()
                    .table(Order.class)
                    .createTableIfMissing();
            Order order =
                    new Order(
                            "c-42",
                            "o-1",
                            "PAID",
                            Instant.parse("2026-01-05T10:00:00Z"),
                            1250,
                            List.of(),
                            null);
            DynamORM db =
                    DynamORM.builder()
                            .client(dynamoDbClient) // optional: without it only the async view
                            // works
                            .asyncClient(asyncClient) // e.g. built with NettyNioAsyncHttpClient
                            .build();
            AsyncTable<Order> orders = db.table(Order.class).async();

            CompletableFuture<Optional<Order>> stored =
                    orders.create(order) // ItemAlreadyExistsException fails the future
                            .thenCompose(r -> orders.get(order.customerId(), order.orderId()));
            // Futures run concurrently: chain what must see an earlier write.
            CompletableFuture<WriteResult<Order>> shipped =
                    stored.thenCompose(
                            s ->
                                    orders.update(order, u -> u.set("status", "SHIPPED"))
                                            .whenComplete(
                                                    (r, e) -> {
                                                        // the exception itself, not a wrapper
                                                        if (e instanceof ItemNotFoundException) {
                                                            // ...
                                                        }
                                                    }));
            CompletableFuture<Page<Order>> page =
                    shipped.thenCompose(
                            w -> orders.page(orders.where("customerId", "=", "c-42").limit(20)));
            Flow.Publisher<Page<Order>> pages =
                    orders.pages(orders.where("customerId", "=", "c-42").limit(20));
            Flow.Publisher<Order> paid =
                    orders.items(orders.where("status", "=", "PAID")); // reads as demanded
            Flow.Publisher<Order> everything = orders.scanItems(orders.query());
            System.out.println(
                    stored.join().orElseThrow().orderId()
                            + " "
                            + shipped.join().item().isPresent() // ReturnValue.NONE: no item
                            + " "
                            + page.join().items().get(0).status()
                            + " "
                            + count(pages).join()
                            + " "
                            + count(paid).join()
                            + " "
                            + count(everything).join());
            List<Order> manyOrders =
                    List.of(
                            new Order("c-7", "o-1", "NEW", order.createdAt(), 100, List.of(), null),
                            new Order(
                                    "c-7", "o-2", "NEW", order.createdAt(), 200, List.of(), null));
            AsyncBatchWriter writer = db.async().batchWriter();
            CompletableFuture<Void> accepted = CompletableFuture.completedFuture(null);
            for (Order o : manyOrders) {
                // waits for room, blocks no thread
                accepted = accepted.thenCompose(ignored -> writer.put(o));
            }
            CompletableFuture<BatchWriteResult<Object>> done =
                    accepted.thenCompose(
                            ignored ->
                                    writer.close() // flushes, then refuses later writes
                                            .whenComplete(
                                                    (result, failure) -> {
                                                        // not wrapped here
                                                        if (failure
                                                                instanceof
                                                                BatchWriteIncompleteException e) {
                                                            System.err.println(
                                                                    "not written: "
                                                                            + e.unwrittenPuts(
                                                                                    Order.class));
                                                        }
                                                    }));
            System.out.println("batch writer: " + done.join().written() + " written");
            db.close();
        }
    }

    /** How many elements a publisher gives, once it completes. */
    private static <T> CompletableFuture<Long> count(Flow.Publisher<T> publisher) {
        CompletableFuture<Long> result = new CompletableFuture<>();
        publisher.subscribe(
                new Flow.Subscriber<T>() {
                    private long seen;

                    @Override
                    public void onSubscribe(Flow.Subscription subscription) {
                        subscription.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(T element) {
                        seen++;
                    }

                    @Override
                    public void onError(Throwable error) {
                        result.completeExceptionally(error);
                    }

                    @Override
                    public void onComplete() {
                        result.complete(seen);
                    }
                });
        return result;
    }
}
