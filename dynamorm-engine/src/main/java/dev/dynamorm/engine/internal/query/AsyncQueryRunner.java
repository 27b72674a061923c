package dev.dynamorm.engine.internal.query;

import dev.dynamorm.Page;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * Runs one terminal call of a query for the async view: the sync runner's compilation, binding,
 * cursors and conversion, with each page read through the async executor.
 *
 * @param <T> the model type
 */
public final class AsyncQueryRunner<T> {

    private final TableAccess<T> access;
    private final QuerySpec spec;
    private final AsyncSend send;

    /**
     * A runner.
     *
     * @param access the table
     * @param spec the query
     * @param send sends a request through the async executor
     */
    public AsyncQueryRunner(TableAccess<T> access, QuerySpec spec, AsyncSend send) {
        this.access = access;
        this.spec = spec;
        this.send = send;
    }

    public CompletableFuture<Optional<T>> first() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("TODO"));
    }

    public CompletableFuture<Page<T>> page() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("TODO"));
    }

    public CompletableFuture<List<T>> all() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("TODO"));
    }

    public Flow.Publisher<Page<T>> pages(boolean scan) {
        return new BatchPublisher<>(
                () ->
                        () ->
                                CompletableFuture.failedFuture(
                                        new UnsupportedOperationException(
                                                "TODO" + access + spec + send)));
    }

    public Flow.Publisher<T> items(boolean scan) {
        return new BatchPublisher<>(
                () ->
                        () ->
                                CompletableFuture.failedFuture(
                                        new UnsupportedOperationException("TODO")));
    }
}
