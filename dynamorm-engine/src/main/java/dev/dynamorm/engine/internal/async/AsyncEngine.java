package dev.dynamorm.engine.internal.async;

import dev.dynamorm.engine.internal.client.AsyncExecutor;
import dev.dynamorm.engine.internal.client.Executor;
import java.lang.reflect.Proxy;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the async views of one {@code DynamORM} instance share: the async client and the async
 * executor (hooks, retries and continuations off the SDK's threads).
 *
 * @param client the user's async client
 * @param executor runs requests
 */
public record AsyncEngine(DynamoDbAsyncClient client, AsyncExecutor executor) {

    /** The message of every sync call on an instance built with only an async client. */
    public static final String ASYNC_ONLY =
            "this DynamORM instance was built with only an async client"
                    + " (DynamORM.builder().asyncClient(..)): use table.async(), or give client(..)"
                    + " (or region/endpoint settings) as well to use the sync API";

    /** The message of {@code table.async()} on an instance built without an async client. */
    public static final String NO_ASYNC_CLIENT =
            "table.async() needs an async client: build DynamORM with"
                    + " DynamORM.builder().asyncClient(DynamoDbAsyncClient)";

    /** The message of {@code db.async()} on an instance built without an async client. */
    public static final String NO_ASYNC_CLIENT_INSTANCE =
            "db.async() needs an async client: build DynamORM with"
                    + " DynamORM.builder().asyncClient(DynamoDbAsyncClient)";

    /**
     * The async engine of an instance.
     *
     * @param client the user's async client
     * @param sync the instance's executor (hooks, retry policy, closed state)
     * @param continuations the executor of every continuation, or null: continuations then run on
     *     the thread that completed the SDK's future, moving to the common pool only from an I/O
     *     event loop (see {@link AsyncExecutor})
     */
    public static AsyncEngine of(
            DynamoDbAsyncClient client,
            Executor sync,
            java.util.concurrent.Executor continuations) {
        return new AsyncEngine(
                client,
                continuations == null
                        ? new AsyncExecutor(sync, ForkJoinPool.commonPool(), true)
                        : new AsyncExecutor(sync, continuations, false));
    }

    /**
     * A sync client that refuses every call with {@link #ASYNC_ONLY}: the sync client of an
     * instance built with only an async client.
     */
    public static DynamoDbClient syncUnavailable() {
        return (DynamoDbClient)
                Proxy.newProxyInstance(
                        DynamoDbClient.class.getClassLoader(),
                        new Class<?>[] {DynamoDbClient.class},
                        (proxy, method, args) ->
                                switch (method.getName()) {
                                    case "close" -> null;
                                    case "serviceName" -> DynamoDbClient.SERVICE_NAME;
                                    case "toString" -> "DynamoDbClient(unavailable: async only)";
                                    case "hashCode" -> System.identityHashCode(proxy);
                                    case "equals" -> proxy == args[0];
                                    default ->
                                            throw new IllegalStateException(
                                                    String.format(
                                                            Locale.ROOT,
                                                            "%s (called %s)",
                                                            ASYNC_ONLY,
                                                            method.getName()));
                                });
    }
}
