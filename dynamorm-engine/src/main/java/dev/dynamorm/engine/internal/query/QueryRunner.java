package dev.dynamorm.engine.internal.query;

import dev.dynamorm.IndexScorer;
import dev.dynamorm.InvalidCursorException;
import dev.dynamorm.Operation;
import dev.dynamorm.Page;
import dev.dynamorm.QueryPlan;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import dev.dynamorm.engine.internal.plugin.AsyncAround;
import dev.dynamorm.engine.internal.plugin.Event;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Runs one terminal call of a query: compiles it through the plan cache, binds the values, checks
 * the cursor, and reads pages until the limit is reached or the data ends.
 *
 * @param <T> the model type
 */
public final class QueryRunner<T> {

    private static final Logger LOG = LoggerFactory.getLogger(QueryRunner.class);

    /** The page size of {@code page()} when no limit is set. */
    static final int DEFAULT_PAGE_SIZE = 100;

    /** A filtered read is reported as wasteful from this many evaluated items on... */
    static final int WASTE_MIN_SCANNED = 100;

    /** ...when fewer than one in this many evaluated items matched. */
    static final int WASTE_RATIO = 10;

    /** The largest Limit sent while filling a limited result through a filter. */
    static final int MAX_FILTERED_REQUEST_LIMIT = 1000;

    private final TableAccess<T> access;
    private final QuerySpec spec;
    private final ModelMetadata<T> model;
    private final QueryBinding<T> binding;
    private final PageReader<T> reader;

    /**
     * Creates a runner.
     *
     * @param access the table
     * @param spec the query
     */
    public QueryRunner(TableAccess<T> access, QuerySpec spec) {
        this.access = access;
        this.spec = spec;
        this.model = access.model();
        this.binding = new QueryBinding<>(access);
        this.reader = new PageReader<>(access);
    }

    /** The cache key of a plan: its shape and the scorer that chose it. */
    private record PlanKey(String shape, IndexScorer scorer) {}

    // ---- terminal calls ----

    /** See {@code Query.first()}. */
    public Optional<T> first() {
        Prepared p = prepare(QueryCompiler.Mode.AUTO);
        if (p.op() == Operation.GET) {
            return reader.get(p).map(this::convertGet);
        }
        Collected c = collect(p, 1);
        return c.items.isEmpty() ? Optional.empty() : Optional.of(convert(c.items.get(0), p));
    }

    /** See {@code Query.all()}. */
    public List<T> all() {
        return readAll(prepare(QueryCompiler.Mode.AUTO));
    }

    /** See {@code Query.scan()}. */
    public List<T> scan() {
        return readAll(prepare(QueryCompiler.Mode.SCAN));
    }

    private List<T> readAll(Prepared p) {
        if (p.op() == Operation.GET) {
            return reader.get(p).map(i -> List.of(convertGet(i))).orElse(List.of());
        }
        Collected c = collect(p, spec.limit());
        return convertAll(c.items, p);
    }

    /** See {@code Query.page()}. */
    public Page<T> page() {
        Prepared p = prepare(QueryCompiler.Mode.AUTO);
        if (p.op() == Operation.GET) {
            Optional<Map<String, AttributeValue>> item = reader.get(p);
            return new Page<>(
                    item.map(i -> List.of(convertGet(i))).orElse(List.of()),
                    null,
                    item.isPresent() ? 1 : 0);
        }
        int size = spec.limit() > 0 ? spec.limit() : DEFAULT_PAGE_SIZE;
        Collected c = collect(p, size);
        return new Page<>(convertAll(c.items, p), cursorOf(p, c.cursorItem), c.scanned);
    }

    /** The cursor that continues after an item (or a last evaluated key), or null for none. */
    String cursorOf(Prepared p, Map<String, AttributeValue> item) {
        return item == null
                ? null
                : binding.seal(
                        CursorCodec.encode(
                                binding.fingerprint(p.plan(), p.values()),
                                p.plan().indexName(),
                                !p.plan().forward(),
                                p.plan().cursorKey(),
                                item));
    }

    /** See {@code Query.count()}. */
    public long count() {
        Prepared p = prepare(QueryCompiler.Mode.AUTO);
        if (p.op() == Operation.GET) {
            return reader.get(p).isPresent() ? 1 : 0;
        }
        int n = spec.limit();
        long total = 0;
        long scanned = 0;
        Map<String, AttributeValue> start = p.start();
        while (true) {
            Integer limit =
                    n > 0 && p.plan().filter() == null ? Integer.valueOf((int) (n - total)) : null;
            Batch b = reader.fetch(p, start, limit, true, null, null);
            total += b.count();
            scanned += b.scanned();
            if (b.lastKey() == null || (n > 0 && total >= n)) {
                break;
            }
            start = b.lastKey();
        }
        warnIfWasteful(p, scanned, total);
        return n > 0 ? Math.min(total, n) : total;
    }

    /** See {@code Query.stream()}. */
    public Stream<T> stream() {
        Prepared p = prepare(QueryCompiler.Mode.AUTO);
        if (p.op() == Operation.GET) {
            return StreamSupport.stream(new LazyGet(p), false);
        }
        PageSpliterator spliterator = new PageSpliterator(p);
        return StreamSupport.stream(spliterator, false).onClose(spliterator::close);
    }

    /** See {@code Query.parallelScan(int)}. */
    public List<T> parallelScan(int segments) {
        ParallelScan.check(segments, spec, model.type());
        Prepared p = prepare(QueryCompiler.Mode.SCAN);
        // the segments are read on other threads: their requests start with what hooks captured
        // here, and the items are converted with it
        Event origin = access.origin(Operation.SCAN);
        Collected c = new ParallelScan<>(access, reader).read(p, segments, origin);
        List<Map<String, AttributeValue>> merged = c.items;
        warnIfWasteful(p, c.scanned, merged.size());
        if (spec.limit() > 0 && merged.size() > spec.limit()) {
            merged = merged.subList(0, spec.limit());
        }
        return origin == null
                ? convertAll(merged, p)
                : AsyncAround.convert(origin, m -> convertAll(m, p), merged);
    }

    /** See {@code Query.explain()}. */
    public QueryPlan explain() {
        Prepared p = prepare(QueryCompiler.Mode.AUTO, false);
        return new ExplainedPlan(p.plan(), access.tableName(), p.values(), model);
    }

    // ---- preparation ----

    Prepared prepare(QueryCompiler.Mode mode) {
        return prepare(mode, true);
    }

    private Prepared prepare(QueryCompiler.Mode mode, boolean run) {
        String shape = QueryShape.shapeOf(spec, mode);
        CompiledPlan plan =
                access.planCache()
                        .get(
                                new PlanKey(shape, spec.scorer()),
                                () -> {
                                    CompiledPlan compiled =
                                            QueryCompiler.compile(model, spec, mode, shape);
                                    if (LOG.isDebugEnabled()) {
                                        LOG.debug(
                                                "compiled query plan for model {}: {}",
                                                model.type().getName(),
                                                new ExplainedPlan(
                                                                compiled,
                                                                access.tableName(),
                                                                Map.of(),
                                                                model)
                                                        .describe(false));
                                    }
                                    return compiled;
                                });
        Map<String, AttributeValue> values = binding.bind(plan, QueryShape.values(spec));
        // the fingerprint (a SHA-256) is computed only when a cursor is read or written
        byte[] fingerprint = null;
        Map<String, AttributeValue> start = null;
        if (spec.cursor() != null) {
            if (plan.operation() == Operation.GET) {
                throw new InvalidCursorException(
                        String.format(
                                Locale.ROOT,
                                "cursor for model %s cannot continue "
                                        + "this query: it reads one item by its full key, so it has no further pages",
                                model.type().getName()),
                        Operation.GET,
                        model.type());
            }
            fingerprint = binding.fingerprint(plan, values);
            start =
                    CursorCodec.decode(
                            binding.open(spec.cursor(), plan.operation()),
                            fingerprint,
                            plan.indexName(),
                            !plan.forward(),
                            plan.cursorKey(),
                            model.type(),
                            plan.operation());
        }
        if (run) {
            access.requireReadable(plan.operation());
            if (LOG.isDebugEnabled()) {
                LOG.debug(
                        "{} {}{} key=[{}] filter=[{}] projection=[{}] names={} values={}",
                        plan.operation(),
                        access.tableName(),
                        plan.index() == null ? "" : " index " + plan.index().name(),
                        plan.keyCondition(),
                        plan.filter(),
                        plan.projection(),
                        plan.names(),
                        access.logAttributeValues() ? values : ExplainedPlan.redacted(values));
            }
            if (plan.scanWarning()) {
                LOG.warn(
                        "scan of table '{}'{} (model {}) reads every item{}: bind a partition key with '=' (or add "
                                + "an index) to query instead",
                        access.tableName(),
                        plan.index() == null ? "" : " index '" + plan.index().name() + "'",
                        model.type().getName(),
                        plan.filter() == null
                                ? ""
                                : " and filters them with [" + plan.filter() + "]");
            }
        }
        return new Prepared(plan, values, fingerprint, start);
    }

    // ---- reading ----

    /** Reads until n items matched (n = 0: all) or the data ends. */
    private Collected collect(Prepared p, int n) {
        Collected out = new Collected();
        Map<String, AttributeValue> start = p.start();
        int round = 0;
        while (true) {
            Batch b =
                    reader.fetch(
                            p,
                            start,
                            requestLimit(p, n, n - out.items.size(), round++),
                            false,
                            null,
                            null);
            out.scanned += b.scanned();
            List<Map<String, AttributeValue>> items = b.items();
            for (int i = 0; i < items.size(); i++) {
                out.items.add(items.get(i));
                if (n > 0 && out.items.size() == n) {
                    if (i < items.size() - 1 || b.lastKey() != null) {
                        out.cursorItem = items.get(i);
                    }
                    warnIfWasteful(p, out.scanned, out.items.size());
                    return out;
                }
            }
            if (b.lastKey() == null) {
                warnIfWasteful(p, out.scanned, out.items.size());
                return out;
            }
            start = b.lastKey();
        }
    }

    /**
     * The Limit to send: none when reading everything; the items still wanted without a filter;
     * with a filter, twice that (at least 32), doubling each round up to 1000.
     */
    static Integer requestLimit(Prepared p, int n, int remaining, int round) {
        if (n <= 0) {
            return null;
        }
        if (p.plan().filter() == null) {
            return remaining;
        }
        long limit = Math.max(remaining * 2L, 32L) << Math.min(round, 6);
        return (int) Math.min(limit, MAX_FILTERED_REQUEST_LIMIT);
    }

    T convertGet(Map<String, AttributeValue> item) {
        return model.fromItem(item, Operation.GET);
    }

    T convert(Map<String, AttributeValue> item, Prepared p) {
        return model.fromItem(item, p.op());
    }

    List<T> convertAll(List<Map<String, AttributeValue>> items, Prepared p) {
        List<T> out = new ArrayList<>(items.size());
        for (Map<String, AttributeValue> item : items) {
            out.add(convert(item, p));
        }
        return out;
    }

    void warnIfWasteful(Prepared p, long scanned, long kept) {
        if (p.plan().filter() != null
                && scanned >= WASTE_MIN_SCANNED
                && kept * WASTE_RATIO < scanned) {
            LOG.warn(
                    "{} on table '{}'{} (model {}) read {} items but its filter [{}] kept {}: most of what was read "
                            + "was discarded; a key condition or an index on the filtered fields would read less",
                    p.op(),
                    access.tableName(),
                    p.plan().index() == null ? "" : " index '" + p.plan().index().name() + "'",
                    model.type().getName(),
                    scanned,
                    p.plan().filter(),
                    kept);
        }
    }

    /** Streams the items of a Query or Scan, fetching a page when the previous one is consumed. */
    private final class PageSpliterator extends Spliterators.AbstractSpliterator<T> {
        private final Prepared p;
        private final Deque<Map<String, AttributeValue>> buffer = new ArrayDeque<>();
        private Map<String, AttributeValue> start;
        private boolean done;
        private volatile boolean closed;
        private long emitted;
        private long scanned;
        private int round;
        private boolean reported;

        PageSpliterator(Prepared p) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.p = p;
            this.start = p.start();
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            if (closed || (spec.limit() > 0 && emitted >= spec.limit())) {
                report();
                return false;
            }
            while (buffer.isEmpty() && !done && !closed) {
                int n = spec.limit();
                Batch b =
                        reader.fetch(
                                p,
                                start,
                                requestLimit(p, n, (int) (n - emitted), round++),
                                false,
                                null,
                                null);
                scanned += b.scanned();
                buffer.addAll(b.items());
                start = b.lastKey();
                done = start == null;
            }
            Map<String, AttributeValue> item = buffer.poll();
            if (item == null || closed) {
                report();
                return false;
            }
            emitted++;
            action.accept(convert(item, p));
            return true;
        }

        private void report() {
            if (!reported) {
                reported = true;
                warnIfWasteful(p, scanned, emitted);
            }
        }

        void close() {
            closed = true;
            buffer.clear();
        }
    }

    /** A GetItem sent when the stream is first consumed. */
    private final class LazyGet extends Spliterators.AbstractSpliterator<T> {
        private final Prepared p;
        private boolean consumed;

        LazyGet(Prepared p) {
            super(1, Spliterator.ORDERED | Spliterator.NONNULL);
            this.p = p;
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            if (consumed) {
                return false;
            }
            consumed = true;
            Optional<Map<String, AttributeValue>> item = reader.get(p);
            item.ifPresent(i -> action.accept(convertGet(i)));
            return item.isPresent();
        }
    }
}
