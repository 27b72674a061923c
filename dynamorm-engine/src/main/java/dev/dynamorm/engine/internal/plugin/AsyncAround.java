package dev.dynamorm.engine.internal.plugin;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * {@link HookChain#around} for a request answered by a future: the same before-hooks (on the
 * calling thread), amendments and served gets, then the after-hooks once the future completes (on
 * the thread that completes it, which the async executor keeps off the SDK's event loop).
 */
public final class AsyncAround {

    private AsyncAround() {}

    /**
     * Runs the hooks around one request whose sending completes a future.
     *
     * @param chain the hooks
     * @param event the event (opened here)
     * @param request the SDK request
     * @param sender sends the (possibly amended) request with retries
     * @return the response, or the failure of a hook or of the request
     */
    @SuppressWarnings("unchecked") // a served item answers a get: R is then GetItemResponse
    public static <Q extends DynamoDbRequest, R> CompletableFuture<R> around(
            HookChain chain, Event event, Q request, Function<Q, CompletableFuture<R>> sender) {
        if (chain.closed) {
            return CompletableFuture.failedFuture(new IllegalStateException(HookChain.CLOSED));
        }
        event.open(chain, request);
        // a response answered at once is converted on this thread after this returns
        RequestScope.enter(event);
        long start = System.nanoTime();
        int entered = 0;
        CompletableFuture<R> sent;
        try {
            for (HookChain.Entry e : chain.entries) {
                try {
                    e.hook().before(event);
                } catch (RuntimeException x) {
                    throw PluginFailures.refused(e, event, x);
                }
                entered++;
                if (event.served() != null) {
                    break;
                }
            }
            event.close();
            if (event.served() != null) {
                sent =
                        CompletableFuture.completedFuture(
                                (R) GetItemResponse.builder().item(event.served()).build());
            } else {
                Q amended = Requests.amend(event, request, chain);
                event.sent(amended);
                sent = sender.apply(amended);
            }
        } catch (RuntimeException | Error x) {
            event.close();
            finish(chain, event, entered, start, x, null);
            return CompletableFuture.failedFuture(x);
        }
        int hooked = entered;
        CompletableFuture<R> out = new CompletableFuture<>();
        CompletableFuture<R> unused =
                sent.whenComplete(
                        (result, thrown) -> {
                            Throwable failure = unwrap(thrown);
                            finish(chain, event, hooked, start, failure, result);
                            // the stages converting the response run here, maybe on another
                            // thread than the caller's: they see this request's attributes
                            RequestScope.completing(
                                    event,
                                    () -> {
                                        if (failure == null) {
                                            out.complete(result);
                                        } else {
                                            out.completeExceptionally(failure);
                                        }
                                    });
                        });
        return out;
    }

    private static void finish(
            HookChain chain,
            Event event,
            int entered,
            long start,
            Throwable failure,
            Object result) {
        if (entered > 0) {
            chain.after(
                    event,
                    new HookOutcome(
                            failure, Duration.ofNanos(System.nanoTime() - start), event, result),
                    entered);
        }
    }

    /**
     * {@code convert} applied to a response of the request of {@code event} with that request made
     * current (see {@link RequestScope}), on whatever thread this runs.
     */
    public static <R, T> T convert(Event event, Function<? super R, ? extends T> convert, R r) {
        Event previous = RequestScope.enter(event);
        try {
            return convert.apply(r);
        } finally {
            RequestScope.restore(previous);
        }
    }

    /** The failure itself, without the {@link CompletionException} dependent stages add. */
    public static Throwable unwrap(Throwable thrown) {
        Throwable t = thrown;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
