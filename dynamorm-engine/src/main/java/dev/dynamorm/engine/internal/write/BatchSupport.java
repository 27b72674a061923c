package dev.dynamorm.engine.internal.write;

import dev.dynamorm.BatchProgress;
import dev.dynamorm.DynamORMException;
import dev.dynamorm.DynamoServiceException;
import dev.dynamorm.Operation;
import dev.dynamorm.RetryPolicy;
import dev.dynamorm.ThrottledException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/**
 * What batch reads, batch writes, the batch writer and transactions share: backoff under the retry
 * policy, parallel chunks, item identities, consumed-capacity totals and progress reporting.
 */
public final class BatchSupport {

    private BatchSupport() {}

    /**
     * Waits before retrying unprocessed keys or items.
     *
     * @return false when the policy gives up or the thread is interrupted (the failure is recorded)
     */
    public static boolean backoff(
            RetryPolicy policy,
            int attempts,
            long startNanos,
            int left,
            Operation op,
            AtomicReference<DynamORMException> failure) {
        Optional<Duration> delay = backoffDelay(policy, attempts, startNanos, left, op);
        if (delay.isEmpty()) {
            return false;
        }
        try {
            Thread.sleep(delay.get().toMillis(), delay.get().toNanosPart() % 1_000_000);
            return true;
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            DynamORMException reason = unprocessed(attempts, left, op);
            reason.addSuppressed(ie);
            failure.compareAndSet(null, reason);
            return false;
        }
    }

    /**
     * How long to wait before retrying unprocessed keys or items, as the policy says for a
     * throttling failure.
     *
     * @return the delay, or empty when the policy gives up
     */
    public static Optional<Duration> backoffDelay(
            RetryPolicy policy, int attempts, long startNanos, int left, Operation op) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        return policy.nextDelay(attempts, elapsed, unprocessed(attempts, left, op));
    }

    private static ThrottledException unprocessed(int attempts, int left, Operation op) {
        return new ThrottledException(
                String.format(
                        Locale.ROOT,
                        "%d %s left unprocessed after %d attempts",
                        left,
                        op == Operation.BATCH_GET ? "keys" : "items",
                        attempts),
                op,
                null,
                null);
    }

    /**
     * Runs chunks on up to {@code workers} threads.
     *
     * @return the chunks that ran to their end (others were not sent because of an interruption)
     */
    public static <C> Set<Object> runChunks(
            List<C> chunks,
            int workers,
            Consumer<C> work,
            AtomicReference<DynamORMException> failure,
            Operation op) {
        Set<Object> finished = ConcurrentHashMap.newKeySet();
        if (workers <= 1 || chunks.size() <= 1) {
            for (C chunk : chunks) {
                if (Thread.currentThread().isInterrupted()) {
                    failure.compareAndSet(null, interrupted(op));
                    break;
                }
                work.accept(chunk);
                finished.add(new Identity(chunk));
            }
            return unwrap(finished);
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool =
                Executors.newFixedThreadPool(
                        Math.min(workers, chunks.size()),
                        r -> {
                            Thread t = new Thread(r, "dynamorm-batch-" + threads.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (C chunk : chunks) {
                futures.add(
                        pool.submit(
                                () -> {
                                    work.accept(chunk);
                                    finished.add(new Identity(chunk));
                                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure.compareAndSet(null, interrupted(op));
                    pool.shutdownNow();
                    break;
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return unwrap(finished);
    }

    /** Identity wrapper, so that equal chunks (lists) are told apart. */
    private record Identity(Object chunk) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity i && i.chunk == chunk;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(chunk);
        }
    }

    private static Set<Object> unwrap(Set<Object> identities) {
        Set<Object> out = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Object o : identities) {
            out.add(((Identity) o).chunk());
        }
        return out;
    }

    private static DynamORMException interrupted(Operation op) {
        return new DynamoServiceException(
                "interrupted: the remaining chunks were not sent", op, null, true, null);
    }

    public static <E> List<List<E>> chunk(List<E> all, int size) {
        List<List<E>> out = new ArrayList<>((all.size() + size - 1) / size);
        for (int i = 0; i < all.size(); i += size) {
            out.add(new ArrayList<>(all.subList(i, Math.min(all.size(), i + size))));
        }
        return out;
    }

    public static double total(List<ConsumedCapacity> capacities) {
        double sum = 0;
        if (capacities != null) {
            for (ConsumedCapacity c : capacities) {
                if (c.capacityUnits() != null) {
                    sum += c.capacityUnits();
                }
            }
        }
        return sum;
    }

    /**
     * A key's identity for lookups: attribute names with canonical values (numbers without trailing
     * zeros).
     */
    public static List<Object> identity(Map<String, AttributeValue> key) {
        // one or two attributes: sorted by hand, no stream (this runs for every item of a batch)
        String[] names = key.keySet().toArray(new String[0]);
        if (names.length == 2) {
            if (names[0].compareTo(names[1]) > 0) {
                String first = names[1];
                names[1] = names[0];
                names[0] = first;
            }
        } else if (names.length > 2) {
            Arrays.sort(names);
        }
        Object[] id = new Object[names.length * 2];
        for (int i = 0; i < names.length; i++) {
            id[2 * i] = names[i];
            id[2 * i + 1] = canonical(key.get(names[i]));
        }
        return Arrays.asList(id);
    }

    /** A key value in canonical text form (numbers without trailing zeros), or null. */
    private static Object canonical(AttributeValue v) {
        if (v == null) {
            return null;
        }
        if (v.s() != null) {
            return "S" + v.s();
        }
        if (v.n() != null) {
            return "N" + new BigDecimal(v.n()).stripTrailingZeros().toPlainString();
        }
        if (v.b() != null) {
            return "B" + Base64.getEncoder().encodeToString(v.b().asByteArrayUnsafe());
        }
        return v.toString();
    }

    /** Reports progress to the callback, one call at a time. */
    public static final class Progress {
        private final BatchProgress callback;
        private final int total;
        private int done;

        Progress(BatchProgress callback, int total) {
            this.callback = callback;
            this.total = total;
        }

        synchronized void advance(int n) {
            done += n;
            if (callback != null) {
                callback.onProgress(done, total);
            }
        }
    }
}
