package dev.dynamorm.engine.internal.query;

import dev.dynamorm.DynamoServiceException;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.engine.internal.plugin.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads every segment of a parallel scan on its own daemon thread (at most {@link
 * #MAX_SCAN_THREADS}) and merges the items in segment order.
 *
 * @param <T> the model type
 */
final class ParallelScan<T> {

    /** The most threads one parallel scan uses. */
    static final int MAX_SCAN_THREADS = 16;

    /** The most segments of a parallel scan. */
    static final int MAX_SEGMENTS = 1000;

    private static final AtomicInteger SCAN_THREADS = new AtomicInteger();

    private final TableAccess<T> access;
    private final PageReader<T> reader;

    ParallelScan(TableAccess<T> access, PageReader<T> reader) {
        this.access = access;
        this.reader = reader;
    }

    /** Refuses a segment count out of range, and a cursor (a parallel scan has no pages). */
    static void check(int segments, QuerySpec spec, Class<?> type) {
        if (segments < 1 || segments > MAX_SEGMENTS) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "parallelScan needs 1 to %d segments, got %d",
                            MAX_SEGMENTS,
                            segments));
        }
        if (spec.cursor() != null) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "parallelScan(..) on model %s reads every "
                                    + "segment from its start; after(cursor) applies to page(), not to parallel scans",
                            type.getName()),
                    Operation.SCAN,
                    type,
                    null);
        }
    }

    /**
     * Reads all segments: the merged items and the number of items evaluated. Each request starts
     * with {@code origin} (what hooks captured on the calling thread; null for none).
     */
    Collected read(Prepared p, int segments, Event origin) {
        Class<?> type = access.model().type();
        int threads = Math.min(segments, MAX_SCAN_THREADS);
        ExecutorService pool =
                Executors.newFixedThreadPool(
                        threads,
                        r -> {
                            Thread t =
                                    new Thread(
                                            r,
                                            "dynamorm-scan-"
                                                    + access.tableName()
                                                    + "-"
                                                    + SCAN_THREADS.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        try {
            List<Future<Collected>> futures = new ArrayList<>(segments);
            for (int s = 0; s < segments; s++) {
                int segment = s;
                futures.add(pool.submit(() -> scanSegment(p, segment, segments, origin)));
            }
            Collected merged = new Collected();
            for (Future<Collected> f : futures) {
                Collected c = f.get();
                merged.items.addAll(c.items);
                merged.scanned += c.scanned;
            }
            return merged;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new DynamoServiceException(
                    "parallel scan of table '" + access.tableName() + "' failed: " + cause,
                    Operation.SCAN,
                    type,
                    false,
                    cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DynamoServiceException(
                    "parallel scan of table '" + access.tableName() + "' was interrupted",
                    Operation.SCAN,
                    type,
                    false,
                    e);
        } finally {
            pool.shutdownNow();
        }
    }

    private Collected scanSegment(Prepared p, int segment, int total, Event origin) {
        Collected out = new Collected();
        Map<String, AttributeValue> start = null;
        do {
            Batch b = reader.fetch(p, start, null, false, segment, total, origin);
            out.items.addAll(b.items());
            out.scanned += b.scanned();
            start = b.lastKey();
        } while (start != null);
        return out;
    }
}
