package dev.dynamorm.engine.internal.client;

import dev.dynamorm.engine.internal.plugin.AsyncAround;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Future helpers of the async view that keep failures as they are: a stage built here fails with
 * the exception itself, where {@code thenApply} would wrap it in a {@code CompletionException}.
 */
public final class Futures {

    private Futures() {}

    /**
     * The result of {@code source} mapped by {@code fn}, on the thread that completes {@code
     * source}; fails with what {@code source} failed with or what {@code fn} threw, unwrapped.
     */
    public static <A, B> CompletableFuture<B> map(
            CompletableFuture<A> source, Function<? super A, ? extends B> fn) {
        CompletableFuture<B> out = new CompletableFuture<>();
        CompletableFuture<A> unused =
                source.whenComplete(
                        (a, thrown) -> {
                            if (thrown != null) {
                                out.completeExceptionally(AsyncAround.unwrap(thrown));
                                return;
                            }
                            try {
                                out.complete(fn.apply(a));
                            } catch (RuntimeException | Error x) {
                                out.completeExceptionally(x);
                            }
                        });
        return out;
    }

    /**
     * The future {@code fn} starts with the result of {@code source}, on the thread that completes
     * {@code source}; fails with what {@code source} failed with, what {@code fn} threw or what its
     * future failed with, unwrapped.
     */
    public static <A, B> CompletableFuture<B> flatMap(
            CompletableFuture<A> source, Function<? super A, CompletableFuture<B>> fn) {
        CompletableFuture<B> out = new CompletableFuture<>();
        CompletableFuture<A> unused =
                source.whenComplete(
                        (a, thrown) -> {
                            if (thrown != null) {
                                out.completeExceptionally(AsyncAround.unwrap(thrown));
                                return;
                            }
                            CompletableFuture<B> next;
                            try {
                                next = fn.apply(a);
                            } catch (RuntimeException | Error x) {
                                out.completeExceptionally(x);
                                return;
                            }
                            CompletableFuture<B> unusedRelay =
                                    next.whenComplete(
                                            (b, failed) -> {
                                                if (failed != null) {
                                                    out.completeExceptionally(
                                                            AsyncAround.unwrap(failed));
                                                } else {
                                                    out.complete(b);
                                                }
                                            });
                        });
        return out;
    }
}
