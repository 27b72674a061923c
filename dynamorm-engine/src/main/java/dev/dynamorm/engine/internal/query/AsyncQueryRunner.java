package dev.dynamorm.engine.internal.query;

import dev.dynamorm.Operation;
import dev.dynamorm.Page;
import dev.dynamorm.engine.internal.plugin.AsyncAround;
import dev.dynamorm.engine.internal.plugin.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.BiConsumer;
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
     * What hooks captured on the calling thread when the terminal call was made (set before any
     * request is sent): every request of the call starts with it, whatever thread sends it.
     */
    private Event origin;

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
        origin = send.origin(p.op());
        if (p.op() == Operation.GET) {
            return map(get(p), item -> item.map(sync::convertGet));
        }
        return new Collecting<Optional<T>>(
                        p,
                        1,
                        false,
                        c ->
                                c.out.items.isEmpty()
                                        ? Optional.empty()
                                        : Optional.of(sync.convert(c.out.items.get(0), p)))
                .start(p.start());
    }

    /** See {@code AsyncTable.all(Query)}. */
    public CompletableFuture<List<T>> all() {
        Prepared p = sync.prepare(QueryCompiler.Mode.AUTO);
        origin = send.origin(p.op());
        if (p.op() == Operation.GET) {
            return map(
                    get(p), item -> item.map(i -> List.of(sync.convertGet(i))).orElse(List.of()));
        }
        // items converted as each page arrives, into the list returned
        return new Collecting<List<T>>(p, spec.limit(), true, c -> c.converted).start(p.start());
    }

    /** See {@code AsyncTable.page(Query)}. */
    public CompletableFuture<Page<T>> page() {
        Prepared p = sync.prepare(QueryCompiler.Mode.AUTO);
        origin = send.origin(p.op());
        if (p.op() == Operation.GET) {
            return map(get(p), this::getPage);
        }
        int size = spec.limit() > 0 ? spec.limit() : QueryRunner.DEFAULT_PAGE_SIZE;
        return new Collecting<Page<T>>(p, size, false, c -> pageOf(p, c.out)).start(p.start());
    }

    /**
     * The pages of the query or scan, as {@link #page()} and its cursors would give them one after
     * another: each up to the query's limit (100 without one).
     */
    public Flow.Publisher<Page<T>> pages(boolean scan) {
        origin = send.origin(scan ? Operation.SCAN : Operation.QUERY);
        return new BatchPublisher<>(
                () -> {
                    Pages pages = new Pages(sync.prepare(mode(scan)));
                    return () -> map(pages.next(), page -> page.map(List::of));
                });
    }

    /** The items of the query or scan, up to its limit, as {@code Query.stream()} reads them. */
    public Flow.Publisher<T> items(boolean scan) {
        origin = send.origin(scan ? Operation.SCAN : Operation.QUERY);
        return new BatchPublisher<>(
                () -> {
                    Items items = new Items(sync.prepare(mode(scan)));
                    return items::next;
                });
    }

    private static QueryCompiler.Mode mode(boolean scan) {
        return scan ? QueryCompiler.Mode.SCAN : QueryCompiler.Mode.AUTO;
    }

    private Page<T> pageOf(Prepared p, Collected c) {
        return new Page<>(sync.convertAll(c.items, p), sync.cursorOf(p, c.cursorItem), c.scanned);
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
            return new Collecting<Optional<Page<T>>>(
                            p,
                            size,
                            false,
                            c -> {
                                done = c.out.cursorItem == null;
                                start = done ? null : keyOf(c.out.cursorItem);
                                return Optional.of(pageOf(p, c.out));
                            })
                    .start(start);
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
        origin = send.origin(p.op());
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
        origin = send.origin(p.op());
        List<CompletableFuture<Collected>> all = new ArrayList<>(segments);
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

    /**
     * Reads until n items matched (n = 0: all) or the data ends, as the sync runner's collect: one
     * request at a time, each page handled in the step that completes its future, the result
     * finished in the step that handles the last page (no further stage per page or per call).
     */
    private final class Collecting<R> implements BiConsumer<Batch, Throwable> {
        private final Prepared p;
        private final int n;
        private final Function<? super Collecting<R>, ? extends R> finish;
        private final CompletableFuture<R> result = new CompletableFuture<>();

        /** What was read: the items themselves unless they are converted as they arrive. */
        final Collected out = new Collected();

        /** The items converted as they arrive (then not kept in {@code out}), or null. */
        final List<T> converted;

        private int kept;
        private int round;

        Collecting(
                Prepared p,
                int n,
                boolean convert,
                Function<? super Collecting<R>, ? extends R> finish) {
            this.p = p;
            this.n = n;
            this.finish = finish;
            this.converted = convert ? new ArrayList<>() : null;
        }

        CompletableFuture<R> start(Map<String, AttributeValue> start) {
            next(start);
            return result;
        }

        private void next(Map<String, AttributeValue> start) {
            CompletableFuture<Batch> page;
            try {
                page = fetch(p, start, QueryRunner.requestLimit(p, n, n - kept, round++));
            } catch (RuntimeException | Error x) {
                result.completeExceptionally(x);
                return;
            }
            CompletableFuture<Batch> unused = page.whenComplete(this);
        }

        /** One page, on the thread that completed its future. */
        @Override
        public void accept(Batch b, Throwable thrown) {
            if (thrown != null) {
                result.completeExceptionally(AsyncAround.unwrap(thrown));
                return;
            }
            try {
                out.scanned += b.scanned();
                List<Map<String, AttributeValue>> items = b.items();
                for (int i = 0; i < items.size(); i++) {
                    Map<String, AttributeValue> item = items.get(i);
                    if (converted != null) {
                        converted.add(sync.convert(item, p));
                    } else {
                        out.items.add(item);
                    }
                    kept++;
                    if (n > 0 && kept == n) {
                        if (i < items.size() - 1 || b.lastKey() != null) {
                            out.cursorItem = item;
                        }
                        finish();
                        return;
                    }
                }
                if (b.lastKey() == null) {
                    finish();
                    return;
                }
            } catch (RuntimeException | Error x) {
                result.completeExceptionally(x);
                return;
            }
            next(b.lastKey());
        }

        private void finish() {
            sync.warnIfWasteful(p, out.scanned, kept);
            result.complete(finish.apply(this));
        }
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
            return send.query(q, origin, response -> reader.batchOf(r, response));
        }
        return send.scan(
                (ScanRequest) r.request(), origin, response -> reader.batchOf(r, response));
    }

    private CompletableFuture<Optional<Map<String, AttributeValue>>> get(Prepared p) {
        GetItemRequest request = reader.getRequest(p);
        return send.get(request, origin, response -> reader.itemOf(request, response));
    }

    /** {@code thenApply} that fails with the exception itself, not a CompletionException. */
    private static <A, B> CompletableFuture<B> map(
            CompletableFuture<A> source, Function<? super A, ? extends B> fn) {
        return dev.dynamorm.engine.internal.client.Futures.map(source, fn);
    }
}
