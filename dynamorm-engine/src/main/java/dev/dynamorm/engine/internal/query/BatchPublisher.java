package dev.dynamorm.engine.internal.query;

import dev.dynamorm.engine.internal.plugin.AsyncAround;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A cold publisher of elements read in batches (one batch per request sent): each subscription
 * opens a new source and asks it for the next batch only when the subscriber has requested more
 * elements than are buffered. Signals are serialized; a subscriber may request from {@code onNext}.
 *
 * @param <E> the element type
 */
public final class BatchPublisher<E> implements Flow.Publisher<E> {

    /** The batches of one subscription. */
    @FunctionalInterface
    public interface Source<E> {
        /**
         * The next batch, or empty at the end.
         *
         * @return the batch (possibly an empty list when a request matched nothing)
         */
        CompletableFuture<Optional<List<E>>> next();
    }

    private final Supplier<Source<E>> sources;

    /**
     * A publisher.
     *
     * @param sources opens the source of a new subscription (the query runs anew)
     */
    public BatchPublisher(Supplier<Source<E>> sources) {
        this.sources = sources;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super E> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        Emitter<E> emitter = new Emitter<>(subscriber);
        Source<E> source;
        try {
            source = sources.get();
        } catch (RuntimeException e) {
            subscriber.onSubscribe(emitter);
            emitter.fail(e);
            return;
        }
        emitter.source = source;
        subscriber.onSubscribe(emitter);
        emitter.drain();
    }

    private static final class Emitter<E> implements Flow.Subscription {
        private final Flow.Subscriber<? super E> subscriber;
        private final ConcurrentLinkedQueue<E> buffer = new ConcurrentLinkedQueue<>();
        private final AtomicInteger wip = new AtomicInteger();
        private volatile Source<E> source;
        private long demand; // guarded by the drain loop (wip)
        private volatile long requested;
        private volatile boolean cancelled;
        private volatile boolean fetching;
        private volatile boolean ended;
        private volatile Throwable failure;
        private boolean done;

        Emitter(Flow.Subscriber<? super E> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                fail(
                        new IllegalArgumentException(
                                "request(n) needs n > 0 (reactive streams rule 3.9), got " + n));
                return;
            }
            synchronized (this) {
                requested = requested + n < 0 ? Long.MAX_VALUE : requested + n;
            }
            drain();
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        void fail(Throwable t) {
            failure = t;
            ended = true;
            drain();
        }

        void drain() {
            if (wip.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            while (true) {
                if (source != null || failure != null) {
                    emit();
                }
                missed = wip.addAndGet(-missed);
                if (missed == 0) {
                    return;
                }
            }
        }

        /** Runs inside the drain loop only. */
        private void emit() {
            synchronized (this) {
                demand += requested;
                if (demand < 0) {
                    demand = Long.MAX_VALUE;
                }
                requested = 0;
            }
            if (failure != null) {
                buffer.clear(); // a failure ends the stream at once
            }
            while (!done && !cancelled && demand > 0 && !buffer.isEmpty()) {
                demand--;
                subscriber.onNext(buffer.poll());
            }
            if (done || cancelled) {
                buffer.clear();
                return;
            }
            if (buffer.isEmpty() && ended) {
                done = true;
                Throwable t = failure;
                if (t != null) {
                    subscriber.onError(t);
                } else {
                    subscriber.onComplete();
                }
                return;
            }
            if (buffer.isEmpty() && demand > 0 && !fetching) {
                fetching = true;
                CompletableFuture<Optional<List<E>>> next;
                try {
                    next = source.next();
                } catch (RuntimeException e) {
                    next = CompletableFuture.failedFuture(e);
                }
                CompletableFuture<Optional<List<E>>> unused = next.whenComplete(this::received);
            }
        }

        private void received(Optional<List<E>> batch, Throwable thrown) {
            synchronized (this) {
                if (thrown != null) {
                    failure = AsyncAround.unwrap(thrown);
                    ended = true;
                } else if (batch.isEmpty()) {
                    ended = true;
                } else {
                    buffer.addAll(batch.get());
                }
                fetching = false;
            }
            drain();
        }
    }
}
