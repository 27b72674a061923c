package dev.dynamorm.engine.internal.query;

import dev.dynamorm.DynamoServiceException;
import dev.dynamorm.InvalidCursorException;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.Page;
import dev.dynamorm.QueryPlan;
import dev.dynamorm.annotations.ProjectionType;
import dev.dynamorm.engine.internal.expr.AttributeValues;
import dev.dynamorm.engine.internal.expr.Slot;
import dev.dynamorm.engine.internal.expr.SlotValues;
import dev.dynamorm.engine.internal.expr.ValueBinder;
import dev.dynamorm.engine.internal.model.IndexMetadata;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import dev.dynamorm.spi.IndexScorer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

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

    /** The most threads one parallel scan uses. */
    static final int MAX_SCAN_THREADS = 16;

    /** The most segments of a parallel scan. */
    static final int MAX_SEGMENTS = 1000;

    /** A filtered read is reported as wasteful from this many evaluated items on... */
    static final int WASTE_MIN_SCANNED = 100;

    /** ...when fewer than one in this many evaluated items matched. */
    static final int WASTE_RATIO = 10;

    /** The largest Limit sent while filling a limited result through a filter. */
    static final int MAX_FILTERED_REQUEST_LIMIT = 1000;

    /** The name placeholder of the {@code @Ttl} attribute, read to hide expired items. */
    private static final String TTL_NAME = "#ttl";

    private static final AtomicInteger SCAN_THREADS = new AtomicInteger();

    private final TableAccess<T> access;
    private final QuerySpec spec;
    private final ModelMetadata<T> model;

    /** The {@code @Ttl} attribute when expired items are hidden from results, else null. */
    private final String ttlAttribute;

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
        this.ttlAttribute = access.hiddenByTtlAttribute();
    }

    /** The cache key of a plan: its shape and the scorer that chose it. */
    private record PlanKey(String shape, IndexScorer scorer) {}

    /** A compiled plan with this query's values, fingerprint and start key. */
    // the fingerprint is a byte array as the digest returns it; a Prepared is never compared or
    // hashed
    @SuppressWarnings("ArrayRecordComponent")
    private record Prepared(
            CompiledPlan plan,
            Map<String, AttributeValue> values,
            byte[] fingerprint,
            Map<String, AttributeValue> start) {
        Operation op() {
            return plan.operation();
        }
    }

    /** One response page. */
    private record Batch(
            List<Map<String, AttributeValue>> items,
            Map<String, AttributeValue> lastKey,
            int count,
            int scanned) {}

    // ---- terminal calls ----

    /** See {@code Query.first()}. */
    public Optional<T> first() {
        Prepared p = prepare(QueryCompiler.Mode.AUTO);
        if (p.op() == Operation.GET) {
            return get(p).map(this::convertGet);
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
            return get(p).map(i -> List.of(convertGet(i))).orElse(List.of());
        }
        Collected c = collect(p, spec.limit());
        return convertAll(c.items, p);
    }

    /** See {@code Query.page()}. */
    public Page<T> page() {
        Prepared p = prepare(QueryCompiler.Mode.AUTO);
        if (p.op() == Operation.GET) {
            Optional<Map<String, AttributeValue>> item = get(p);
            return new Page<>(
                    item.map(i -> List.of(convertGet(i))).orElse(List.of()),
                    null,
                    item.isPresent() ? 1 : 0);
        }
        int size = spec.limit() > 0 ? spec.limit() : DEFAULT_PAGE_SIZE;
        Collected c = collect(p, size);
        String cursor =
                c.cursorItem == null
                        ? null
                        : seal(
                                CursorCodec.encode(
                                        fingerprint(p.plan(), p.values()),
                                        p.plan().indexName(),
                                        !p.plan().forward(),
                                        p.plan().cursorKey(),
                                        c.cursorItem));
        return new Page<>(convertAll(c.items, p), cursor, c.scanned);
    }

    /** See {@code Query.count()}. */
    public long count() {
        Prepared p = prepare(QueryCompiler.Mode.AUTO);
        if (p.op() == Operation.GET) {
            return get(p).isPresent() ? 1 : 0;
        }
        int n = spec.limit();
        long total = 0;
        long scanned = 0;
        Map<String, AttributeValue> start = p.start();
        while (true) {
            Integer limit =
                    n > 0 && p.plan().filter() == null ? Integer.valueOf((int) (n - total)) : null;
            Batch b = fetch(p, start, limit, true, null, null);
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
                            model.type().getName()),
                    Operation.SCAN,
                    model.type(),
                    null);
        }
        Prepared p = prepare(QueryCompiler.Mode.SCAN);
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
                futures.add(pool.submit(() -> scanSegment(p, segment, segments)));
            }
            List<Map<String, AttributeValue>> merged = new ArrayList<>();
            long scanned = 0;
            for (Future<Collected> f : futures) {
                Collected c = f.get();
                merged.addAll(c.items);
                scanned += c.scanned;
            }
            warnIfWasteful(p, scanned, merged.size());
            if (spec.limit() > 0 && merged.size() > spec.limit()) {
                merged = merged.subList(0, spec.limit());
            }
            return convertAll(merged, p);
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
                    model.type(),
                    false,
                    cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DynamoServiceException(
                    "parallel scan of table '" + access.tableName() + "' was interrupted",
                    Operation.SCAN,
                    model.type(),
                    false,
                    e);
        } finally {
            pool.shutdownNow();
        }
    }

    private Collected scanSegment(Prepared p, int segment, int total) {
        Collected out = new Collected();
        Map<String, AttributeValue> start = null;
        do {
            Batch b = fetch(p, start, null, false, segment, total);
            out.items.addAll(b.items());
            out.scanned += b.scanned();
            start = b.lastKey();
        } while (start != null);
        return out;
    }

    /** See {@code Query.explain()}. */
    public QueryPlan explain() {
        Prepared p = prepare(QueryCompiler.Mode.AUTO, false);
        return new ExplainedPlan(p.plan(), access.tableName(), p.values());
    }

    // ---- preparation ----

    private Prepared prepare(QueryCompiler.Mode mode) {
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
                                                                Map.of())
                                                        .describe(false));
                                    }
                                    return compiled;
                                });
        Map<String, AttributeValue> values = bind(plan, QueryShape.values(spec));
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
            fingerprint = fingerprint(plan, values);
            start =
                    CursorCodec.decode(
                            open(spec.cursor(), plan.operation()),
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

    /** The fingerprint of this query bound to its values, which cursors carry and check. */
    private byte[] fingerprint(CompiledPlan plan, Map<String, AttributeValue> values) {
        return CursorCodec.fingerprint(
                model.type(),
                access.tableName(),
                plan.shape(),
                plan.indexName(),
                !plan.forward(),
                values);
    }

    private Map<String, AttributeValue> bind(CompiledPlan plan, List<Object> raw) {
        Operation op = plan.operation() == Operation.SCAN ? Operation.SCAN : Operation.QUERY;
        ValueBinder binder = access.values();
        Class<?> type = model.type();
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        SlotValues values = new SlotValues(binder, type, op);
        for (int k = 0; k < plan.slots().size(); k++) {
            Slot slot = plan.slots().get(k);
            AttributeValue av = values.bind(slot, raw.get(slot.valueIndex()));
            if (k < plan.keySlots() && AttributeValues.isEmptyKeyValue(av)) {
                throw new InvalidRequestException(
                        String.format(
                                Locale.ROOT,
                                "key field '%s' of model %s is compared with an empty value on %s:"
                                        + " DynamoDB refuses empty string and binary key values",
                                slot.javaPath(),
                                type.getName(),
                                plan.indexName() == null
                                        ? "the table"
                                        : "index '" + plan.indexName() + "'"),
                        op,
                        type,
                        null);
            }
            out.put(":v" + k, av);
        }
        return out;
    }

    private String seal(String plainCursor) {
        SecretKey key = access.cursorKey();
        return key == null ? plainCursor : CursorSeal.seal(key, plainCursor);
    }

    private String open(String cursor, Operation op) {
        SecretKey key = access.cursorKey();
        return key == null ? cursor : CursorSeal.open(key, cursor, model.type(), op);
    }

    // ---- reading ----

    /** Items read so far, with the item a cursor would continue after. */
    private static final class Collected {
        final List<Map<String, AttributeValue>> items = new ArrayList<>();
        long scanned;
        Map<String, AttributeValue> cursorItem;
    }

    /** Reads until n items matched (n = 0: all) or the data ends. */
    private Collected collect(Prepared p, int n) {
        Collected out = new Collected();
        Map<String, AttributeValue> start = p.start();
        int round = 0;
        while (true) {
            Batch b =
                    fetch(
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
    private static Integer requestLimit(Prepared p, int n, int remaining, int round) {
        if (n <= 0) {
            return null;
        }
        if (p.plan().filter() == null) {
            return remaining;
        }
        long limit = Math.max(remaining * 2L, 32L) << Math.min(round, 6);
        return (int) Math.min(limit, MAX_FILTERED_REQUEST_LIMIT);
    }

    private Batch fetch(
            Prepared p,
            Map<String, AttributeValue> start,
            Integer limit,
            boolean count,
            Integer segment,
            Integer totalSegments) {
        CompiledPlan plan = p.plan();
        String ttl = ttlToRead(plan);
        // hiding expired items needs them read: a count then reads only their TTL attribute
        boolean countByReading = count && ttl != null;
        Discriminators family = Discriminators.of(model);
        String planProjectionText =
                family == null
                        ? plan.projection()
                        : family.projection(plan.projection(), plan.names());
        String projection =
                countByReading ? TTL_NAME : count ? null : withTtl(plan, planProjectionText, ttl);
        boolean strip = !countByReading && projection != null && projection.endsWith(TTL_NAME);
        // the plan's projection is sent unless counting (a count by reading sends only the TTL)
        boolean planProjection = !count && plan.projection() != null;
        Map<String, String> names =
                withTtlName(plan.namesSent(true, planProjection), projection, ttl);
        // every value of a query or scan plan is in its key condition or filter
        Map<String, AttributeValue> values = p.values().isEmpty() ? null : p.values();
        String filter = plan.filter();
        if (family != null) {
            // an entity family member reads only its own items; projections read the discriminator
            filter = family.filter(filter);
            names = family.names(names, filter, projection);
            values = family.values(values, filter);
        }
        String select = countByReading ? null : count ? Select.COUNT.toString() : plan.select();
        if (plan.operation() == Operation.QUERY) {
            QueryRequest request =
                    QueryRequest.builder()
                            .tableName(access.tableName())
                            .indexName(plan.indexName())
                            .keyConditionExpression(plan.keyCondition())
                            .filterExpression(filter)
                            .projectionExpression(projection)
                            .expressionAttributeNames(names)
                            .expressionAttributeValues(values)
                            .exclusiveStartKey(start)
                            .limit(limit)
                            .scanIndexForward(plan.forward() ? null : Boolean.FALSE)
                            .consistentRead(plan.consistent() ? Boolean.TRUE : null)
                            .select(select)
                            .build();
            QueryResponse r =
                    access.send(Operation.QUERY, null, request, q -> access.client().query(q));
            List<Map<String, AttributeValue>> items =
                    visible(r.hasItems() ? r.items() : List.of(), ttl, strip);
            return new Batch(
                    items,
                    lastKey(r.hasLastEvaluatedKey(), r.lastEvaluatedKey()),
                    countByReading ? items.size() : count(r.count()),
                    count(r.scannedCount()));
        }
        ScanRequest request =
                ScanRequest.builder()
                        .tableName(access.tableName())
                        .indexName(plan.indexName())
                        .filterExpression(filter)
                        .projectionExpression(projection)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .exclusiveStartKey(start)
                        .limit(limit)
                        .consistentRead(plan.consistent() ? Boolean.TRUE : null)
                        .select(select)
                        .segment(segment)
                        .totalSegments(totalSegments)
                        .build();
        ScanResponse r = access.send(Operation.SCAN, null, request, q -> access.client().scan(q));
        List<Map<String, AttributeValue>> items =
                visible(r.hasItems() ? r.items() : List.of(), ttl, strip);
        return new Batch(
                items,
                lastKey(r.hasLastEvaluatedKey(), r.lastEvaluatedKey()),
                countByReading ? items.size() : count(r.count()),
                count(r.scannedCount()));
    }

    /**
     * The {@code @Ttl} attribute to read with the items of a plan so expired ones can be hidden, or
     * null: hiding is off, or the plan reads a global index that does not project it (its items
     * cannot be told apart and are kept).
     */
    private String ttlToRead(CompiledPlan plan) {
        if (ttlAttribute == null) {
            return null;
        }
        IndexMetadata index = plan.index();
        if (index != null
                && index.global()
                && index.projection() != ProjectionType.ALL
                && !index.includedAttributes().contains(ttlAttribute)) {
            return null;
        }
        return ttlAttribute;
    }

    /** A projection that also reads the TTL attribute (null, for whole items, stays null). */
    private static String withTtl(CompiledPlan plan, String projection, String ttl) {
        if (projection == null || ttl == null) {
            return projection;
        }
        for (String path : projection.split(", ", -1)) {
            if (ttl.equals(plan.names().get(path))) {
                return projection;
            }
        }
        return projection + ", " + TTL_NAME;
    }

    private static Map<String, String> withTtlName(
            Map<String, String> names, String projection, String ttl) {
        if (projection == null
                || !(projection.equals(TTL_NAME) || projection.endsWith(", " + TTL_NAME))) {
            return names;
        }
        Map<String, String> out =
                names == null ? new LinkedHashMap<>() : new LinkedHashMap<>(names);
        out.put(TTL_NAME, ttl);
        return out;
    }

    /**
     * The items reads do not hide, without the TTL attribute when only this runner asked for it.
     */
    private List<Map<String, AttributeValue>> visible(
            List<Map<String, AttributeValue>> items, String ttl, boolean strip) {
        if (ttl == null) {
            return items;
        }
        List<Map<String, AttributeValue>> out = new ArrayList<>(items.size());
        for (Map<String, AttributeValue> item : items) {
            if (access.hidden(item)) {
                continue;
            }
            if (strip) {
                Map<String, AttributeValue> copy = new LinkedHashMap<>(item);
                copy.remove(ttl);
                item = copy;
            }
            out.add(item);
        }
        return out;
    }

    private static int count(Integer n) {
        return n == null ? 0 : n;
    }

    private static Map<String, AttributeValue> lastKey(
            boolean has, Map<String, AttributeValue> key) {
        return has && key != null && !key.isEmpty() ? key : null;
    }

    private Optional<Map<String, AttributeValue>> get(Prepared p) {
        CompiledPlan plan = p.plan();
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        plan.getKey().forEach((attr, slot) -> key.put(attr, p.values().get(":v" + slot)));
        Discriminators family = Discriminators.of(model);
        String projection =
                withTtl(
                        plan,
                        family == null
                                ? plan.projection()
                                : family.projection(plan.projection(), plan.names()),
                        ttlAttribute);
        boolean strip = projection != null && projection.endsWith(TTL_NAME);
        Map<String, String> names =
                withTtlName(plan.namesSent(false, true), projection, ttlAttribute);
        if (family != null) {
            names = family.names(names, projection);
        }
        GetItemRequest request =
                GetItemRequest.builder()
                        .tableName(access.tableName())
                        .key(key)
                        .projectionExpression(projection)
                        .expressionAttributeNames(names)
                        .consistentRead(plan.consistent() ? Boolean.TRUE : null)
                        .build();
        GetItemResponse r =
                access.send(Operation.GET, key, request, q -> access.client().getItem(q));
        if (!r.hasItem() || r.item().isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, AttributeValue>> visible = visible(List.of(r.item()), ttlAttribute, strip);
        return visible.isEmpty() ? Optional.empty() : Optional.of(visible.get(0));
    }

    private T convertGet(Map<String, AttributeValue> item) {
        return model.fromItem(item, Operation.GET);
    }

    private T convert(Map<String, AttributeValue> item, Prepared p) {
        return model.fromItem(item, p.op());
    }

    private List<T> convertAll(List<Map<String, AttributeValue>> items, Prepared p) {
        List<T> out = new ArrayList<>(items.size());
        for (Map<String, AttributeValue> item : items) {
            out.add(convert(item, p));
        }
        return out;
    }

    private void warnIfWasteful(Prepared p, long scanned, long kept) {
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
                        fetch(
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
            Optional<Map<String, AttributeValue>> item = get(p);
            item.ifPresent(i -> action.accept(convertGet(i)));
            return item.isPresent();
        }
    }
}
