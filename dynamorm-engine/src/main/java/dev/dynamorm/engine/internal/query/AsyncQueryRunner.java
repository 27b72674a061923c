package dev.dynamorm.engine.internal.query;

import dev.dynamorm.Operation;
import dev.dynamorm.Page;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Runs one terminal call of a query for the async view: the sync runner's compilation, binding,
 * cursors, request building and conversion ({@link QueryRunner}, {@link PageReader}), with each
 * request sent through the async executor. Failures come back as the future's or the publisher's
 * failure; nothing here blocks.
 *
 * @param <T> the model type
 */
public final class AsyncQueryRunner<T> {

    private final QuerySpec spec;
    private final AsyncSend send;
    private final QueryRunner<T> sync;
    private final PageReader<T> reader;
    private final TableAccess<T> access;

    /**
     * A runner.
     *
     * @param access the table
     * @param spec the query
     * @param send sends a request through the async executor
     */
    public AsyncQueryRunner(TableAccess<T> access, QuerySpec spec, AsyncSend send) {
        this.spec = spec;
        this.send = send;
        this.sync = new QueryRunner<>(access, spec);
        this.reader = new PageReader<>(access);
        this.access = access;
    }

    /** See {@code AsyncTable.first(Query)}. */
    public CompletableFuture<Optional<T>> first() {
        Prepared p = sync.prepare(QueryCompiler.Mode.AUTO);
        if (p.op() == Operation.GET) {
            return map(get(p), item -> item.map(sync::convertGet));
        }
        return map(
                collect(p, 1),
                c ->
                        c.items.isEmpty()
                                ? Optional.empty()
                                : Optional.of(sync.convert(c.items.get(0), p)));
    }

    /** See {@code AsyncTable.all(Query)}. */
    public CompletableFuture<List<T>> all() {
        Prepared p = sync.prepare(QueryCompiler.Mode.AUTO);
        if (p.op() == Operation.GET) {
            return map(
                    get(p), item -> item.map(i -> List.of(sync.convertGet(i))).orElse(List.of()));
        }
        return map(collect(p, spec.limit()), c -> sync.convertAll(c.items, p));
    }

    /** See {@code AsyncTable.page(Query)}. */
    public CompletableFuture<Page<T>> page() {
        Prepared p = sync.prepare(QueryCompiler.Mode.AUTO);
        if (p.op() == Operation.GET) {
            return map(get(p), this::getPage);
        }
        int size = spec.limit() > 0 ? spec.limit() : QueryRunner.DEFAULT_PAGE_SIZE;
        return map(
                collect(p, size),
                c ->
                        new Page<>(
                                sync.convertAll(c.items, p),
                                sync.cursorOf(p, c.cursorItem),
                                c.scanned));
    }

    /**
     * The pages of the query or scan, as {@link #page()} and its cursors would give them one after
     * another: each up to the query's limit (100 without one).
     */
    public Flow.Publisher<Page<T>> pages(boolean scan) {
        return new BatchPublisher<>(
                () -> {
                    Pages pages = new Pages(sync.prepare(mode(scan)));
                    return () -> map(pages.next(), page -> page.map(List::of));
                });
    }

    /** The items of the query or scan, up to its limit, as {@code Query.stream()} reads them. */
    public Flow.Publisher<T> items(boolean scan) {
        return new BatchPublisher<>(
                () -> {
                    Items items = new Items(sync.prepare(mode(scan)));
                    return items::next;
                });
    }

    private static QueryCompiler.Mode mode(boolean scan) {
        return scan ? QueryCompiler.Mode.SCAN : QueryCompiler.Mode.AUTO;
    }

    private Page<T> getPage(Optional<Map<String, AttributeValue>> item) {
        return new Page<>(
                item.map(i -> List.of(sync.convertGet(i))).orElse(List.of()),
                null,
                item.isPresent() ? 1 : 0);
    }

    /** The pages of one subscription, each read like {@link #page()}. */
    private final class Pages {
        private final Prepared p;
        private final int size;
        private Map<String, AttributeValue> start;
        private boolean done;

        Pages(Prepared p) {
            this.p = p;
            this.size = spec.limit() > 0 ? spec.limit() : QueryRunner.DEFAULT_PAGE_SIZE;
            this.start = p.start();
        }

        /** The next page, or empty after the last; called one at a time. */
        CompletableFuture<Optional<Page<T>>> next() {
            if (done) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            if (p.op() == Operation.GET) {
                done = true;
                return map(get(p), item -> Optional.of(getPage(item)));
            }
            return map(
                    collect(p, size, new Collected(), start, 0),
                    c -> {
                        done = c.cursorItem == null;
                        start = done ? null : keyOf(c.cursorItem);
                        return Optional.of(
                                new Page<>(
                                        sync.convertAll(c.items, p),
                                        sync.cursorOf(p, c.cursorItem),
                                        c.scanned));
                    });
        }

        /** The key attributes a cursor after this item carries: where the next page starts. */
        private Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
            Map<String, AttributeValue> key = new java.util.LinkedHashMap<>();
            for (String name : p.plan().cursorKey()) {
                key.put(name, item.get(name));
            }
            return key;
        }
    }

    /** The items of one subscription, one request at a time, up to the query's limit. */
    private final class Items {
        private final Prepared p;
        private final int limit;
        private Map<String, AttributeValue> start;
        private int emitted;
        private int round;
        private boolean done;

        Items(Prepared p) {
            this.p = p;
            this.limit = spec.limit();
            this.start = p.start();
        }

        /** The items of the next request, or empty after the last; called one at a time. */
        CompletableFuture<Optional<List<T>>> next() {
            if (done) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            if (p.op() == Operation.GET) {
                done = true;
                return map(get(p), item -> Optional.of(getPage(item).items()));
            }
            return map(
                    fetch(p, start, QueryRunner.requestLimit(p, limit, limit - emitted, round++)),
                    b -> {
                        List<Map<String, AttributeValue>> items = b.items();
                        if (limit > 0 && emitted + items.size() >= limit) {
                            items = items.subList(0, limit - emitted);
                            done = true;
                        }
                        emitted += items.size();
                        start = b.lastKey();
                        done |= start == null;
                        return Optional.of(sync.convertAll(items, p));
                    });
        }
    }

    /** See {@code AsyncTable.count(Query)}: as {@code Query.count()}, one request at a time. */
    public CompletableFuture<Long> count() {
        Prepared p = sync.prepare(QueryCompiler.Mode.AUTO);
        if (p.op() == Operation.GET) {
            return map(get(p), item -> item.isPresent() ? 1L : 0L);
        }
        return counted(p, p.start(), 0, 0);
    }

    private CompletableFuture<Long> counted(
            Prepared p, Map<String, AttributeValue> start, long total, long scanned) {
        int n = spec.limit();
        Integer limit =
                n > 0 && p.plan().filter() == null ? Integer.valueOf((int) (n - total)) : null;
        return fetch(p, start, limit, true, null, null)
                .thenCompose(
                        b -> {
                            long t = total + b.count();
                            long s = scanned + b.scanned();
                            if (b.lastKey() == null || (n > 0 && t >= n)) {
                                sync.warnIfWasteful(p, s, t);
                                return CompletableFuture.completedFuture(
                                        n > 0 ? Math.min(t, n) : t);
                            }
                            return counted(p, b.lastKey(), t, s);
                        });
    }

    /**
     * See {@code AsyncTable.parallelScan(Query, int)}: every segment read at once, one request at a
     * time each, merged in segment order, as {@code Query.parallelScan(int)}.
     */
    public CompletableFuture<List<T>> parallelScan(int segments) {
        ParallelScan.check(segments, spec, access.model().type());
        Prepared p = sync.prepare(QueryCompiler.Mode.SCAN);
        List<CompletableFuture<Collected>> all = new java.util.ArrayList<>(segments);
        for (int s = 0; s < segments; s++) {
            all.add(segment(p, s, segments, new Collected(), null));
        }
        return map(
                CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])),
                ignored -> {
                    Collected merged = new Collected();
                    for (CompletableFuture<Collected> f : all) {
                        Collected c = f.join(); // done: allOf completed
                        merged.items.addAll(c.items);
                        merged.scanned += c.scanned;
                    }
                    List<Map<String, AttributeValue>> items = merged.items;
                    sync.warnIfWasteful(p, merged.scanned, items.size());
                    if (spec.limit() > 0 && items.size() > spec.limit()) {
                        items = items.subList(0, spec.limit());
                    }
                    return sync.convertAll(items, p);
                });
    }

    private CompletableFuture<Collected> segment(
            Prepared p,
            int segment,
            int segments,
            Collected out,
            Map<String, AttributeValue> start) {
        return fetch(p, start, null, false, segment, segments)
                .thenCompose(
                        b -> {
                            out.items.addAll(b.items());
                            out.scanned += b.scanned();
                            return b.lastKey() == null
                                    ? CompletableFuture.completedFuture(out)
                                    : segment(p, segment, segments, out, b.lastKey());
                        });
    }

    // ---- reading ----

    /** Reads until n items matched (n = 0: all) or the data ends, as the sync runner's collect. */
    private CompletableFuture<Collected> collect(Prepared p, int n) {
        return collect(p, n, new Collected(), p.start(), 0);
    }

    private CompletableFuture<Collected> collect(
            Prepared p, int n, Collected out, Map<String, AttributeValue> start, int round) {
        return fetch(p, start, QueryRunner.requestLimit(p, n, n - out.items.size(), round))
                .thenCompose(
                        b -> {
                            out.scanned += b.scanned();
                            List<Map<String, AttributeValue>> items = b.items();
                            for (int i = 0; i < items.size(); i++) {
                                out.items.add(items.get(i));
                                if (n > 0 && out.items.size() == n) {
                                    if (i < items.size() - 1 || b.lastKey() != null) {
                                        out.cursorItem = items.get(i);
                                    }
                                    sync.warnIfWasteful(p, out.scanned, out.items.size());
                                    return CompletableFuture.completedFuture(out);
                                }
                            }
                            if (b.lastKey() == null) {
                                sync.warnIfWasteful(p, out.scanned, out.items.size());
                                return CompletableFuture.completedFuture(out);
                            }
                            return collect(p, n, out, b.lastKey(), round + 1);
                        });
    }

    private CompletableFuture<Batch> fetch(
            Prepared p, Map<String, AttributeValue> start, Integer limit) {
        return fetch(p, start, limit, false, null, null);
    }

    private CompletableFuture<Batch> fetch(
            Prepared p,
            Map<String, AttributeValue> start,
            Integer limit,
            boolean count,
            Integer segment,
            Integer segments) {
        PageReader.PageRequest r = reader.request(p, start, limit, count, segment, segments);
        if (r.request() instanceof QueryRequest q) {
            return map(
                    send.send(Operation.QUERY, null, q, send.client()::query),
                    response -> reader.batchOf(r, response));
        }
        return map(
                send.send(Operation.SCAN, null, (ScanRequest) r.request(), send.client()::scan),
                response -> reader.batchOf(r, response));
    }

    private CompletableFuture<Optional<Map<String, AttributeValue>>> get(Prepared p) {
        GetItemRequest request = reader.getRequest(p);
        return map(
                send.send(Operation.GET, request.key(), request, send.client()::getItem),
                response -> reader.itemOf(request, response));
    }

    /** {@code thenApply} that fails with the exception itself, not a CompletionException. */
    private static <A, B> CompletableFuture<B> map(
            CompletableFuture<A> source, Function<? super A, ? extends B> fn) {
        return dev.dynamorm.engine.internal.client.Futures.map(source, fn);
    }
}
