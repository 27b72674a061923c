package dev.dynamorm.engine.internal.plugin;

import dev.dynamorm.Hook;
import dev.dynamorm.ItemContext;
import dev.dynamorm.ModelInfo;
import dev.dynamorm.Operation;
import dev.dynamorm.OperationEvent;
import dev.dynamorm.Outcome;
import dev.dynamorm.engine.internal.expr.ConditionCompiler;
import dev.dynamorm.engine.internal.expr.ValueBinder;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import dev.dynamorm.engine.internal.model.ModelRegistry;
import dev.dynamorm.engine.internal.model.UniqueKeys;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The installed plugins' hooks in plugin order, and how they run around a request: before-hooks
 * forward (a veto aborts, a served get skips the rest), the amended request sent, after-hooks in
 * reverse for every hook whose before-hook completed. Also runs the item transforms and describes
 * models to hooks. Immutable once bound; {@link #EMPTY} when no plugin is installed.
 */
public final class HookChain {

    private static final Logger LOG = LoggerFactory.getLogger(HookChain.class);

    /** A hook and the plugin it came from. */
    public record Entry(String plugin, Hook hook) {}

    public static final HookChain EMPTY = new HookChain(List.of());

    final List<Entry> entries;
    private final boolean wantsCapacity;

    /** The field annotations some hook transforms ({@link Hook#transformedFields()}). */
    private final Set<Class<? extends Annotation>> transformed;

    /**
     * Whether any hook overrides {@link Hook#afterRead}; when none does, reads skip the per-item
     * context.
     */
    private final boolean transformsReads;

    /** Whether any hook overrides {@link Hook#capture}; when none does, there are no origins. */
    private final boolean captures;

    private final AtomicLong afterFailures = new AtomicLong();
    private final ConcurrentMap<Class<?>, Optional<ModelInfo>> byClass = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ModelInfo> byTable = new ConcurrentHashMap<>();
    private volatile ModelRegistry registry;
    private volatile ConditionCompiler conditions;
    private volatile String tableNamePrefix = "";
    volatile boolean closed;

    /** The one message of every operation attempted after {@code DynamORM.close()}. */
    public static final String CLOSED = "this DynamORM instance is closed";

    public HookChain(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        // a loop, not streams: the empty chain is built while a cold JVM builds the engine
        boolean capacity = false;
        boolean reads = false;
        boolean capturing = false;
        Set<Class<? extends Annotation>> t = new LinkedHashSet<>();
        for (Entry e : entries) {
            capacity |= e.hook().wantsConsumedCapacity();
            t.addAll(Objects.requireNonNull(e.hook().transformedFields(), "transformedFields()"));
            reads = reads || overridesAfterRead(e.hook());
            capturing =
                    capturing || overrides(e.hook(), "capture", OperationEvent.class, Map.class);
        }
        this.wantsCapacity = capacity;
        this.transformed = Set.copyOf(t);
        this.transformsReads = reads;
        this.captures = capturing;
    }

    /** From now on no hook runs: every call through the chain fails as a closed instance. */
    public void close() {
        closed = true;
    }

    /**
     * Whether a hook's class replaces the default (identity) {@link Hook#afterRead}; true when
     * unsure.
     */
    private static boolean overridesAfterRead(Hook hook) {
        return overrides(hook, "afterRead", ItemContext.class, Map.class);
    }

    /** Whether a hook's class replaces the default of a {@link Hook} method; true when unsure. */
    private static boolean overrides(Hook hook, String method, Class<?>... parameters) {
        try {
            return hook.getClass().getMethod(method, parameters).getDeclaringClass() != Hook.class;
        } catch (NoSuchMethodException | SecurityException e) {
            return true;
        }
    }

    /**
     * The origin of an operation accepted on this (the caller's) thread whose requests may be sent
     * later or from other threads: an event that is never sent, holding what the hooks captured
     * ({@link Hook#capture}). Each request sent for the operation {@link Event#follow follows} it.
     *
     * @param op the operation
     * @param table the physical table name, or null for several tables
     * @param type the model, or null
     * @return the origin, or null when no hook captured anything
     */
    public Event origin(Operation op, String table, Class<?> type) {
        if (!captures || closed) {
            return null;
        }
        Event origin = new Event(op, table, type, Optional.empty());
        Map<String, Object> captured = new HashMap<>(4);
        for (Entry e : entries) {
            try {
                e.hook().capture(origin, captured);
            } catch (RuntimeException x) {
                throw PluginFailures.refused(e, origin, x);
            }
        }
        if (captured.isEmpty()) {
            return null; // nothing to carry: the requests run as if no hook captured
        }
        captured.forEach(origin::attribute);
        return origin;
    }

    /** A chain of hooks whose plugins are unknown (tests, old callers). */
    public static HookChain of(List<Hook> hooks) {
        return hooks.isEmpty()
                ? EMPTY
                : new HookChain(hooks.stream().map(h -> new Entry("unknown", h)).toList());
    }

    /** Gives the chain what it needs to describe models and compile hook conditions. */
    public void bind(ModelRegistry models, ValueBinder values, String prefix) {
        if (entries.isEmpty()) {
            return; // and no ConditionCompiler loads for an engine without hooks
        }
        this.registry = models;
        this.conditions = new ConditionCompiler(values);
        this.tableNamePrefix = prefix;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public boolean wantsConsumedCapacity() {
        return wantsCapacity;
    }

    /**
     * Whether an installed hook transforms the fields carrying {@code annotation} ({@link
     * Hook#transformedFields()}).
     */
    /**
     * The field annotations some hook transforms.
     *
     * @return the annotations every hook declared in {@link Hook#transformedFields()}
     */
    public Set<Class<? extends Annotation>> transformedFields() {
        return transformed;
    }

    public boolean transforms(Class<? extends Annotation> annotation) {
        return transformed.contains(annotation);
    }

    public long afterFailures() {
        return afterFailures.get();
    }

    public ConditionCompiler conditions() {
        return conditions;
    }

    // ---- models ----

    public Optional<ModelMetadata<?>> metadata(Class<?> type) {
        ModelRegistry r = registry;
        if (r == null || type == null || type == Object.class) {
            return Optional.empty();
        }
        try {
            return Optional.of(r.metadata(type));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public Optional<ModelInfo> model(Class<?> type) {
        if (type == null || type == Object.class || registry == null) {
            return Optional.empty(); // not cached: the chain may not be bound yet
        }
        return byClass.computeIfAbsent(type, t -> metadata(t).map(this::describe));
    }

    /**
     * Registers a model when its table is first used, so batches and transactions can be described.
     */
    public void register(ModelMetadata<?> model) {
        if (!entries.isEmpty()) {
            model(model.type());
        }
    }

    public Optional<ModelInfo> modelForTable(String table) {
        return Optional.ofNullable(byTable.get(table));
    }

    private ModelInfo describe(ModelMetadata<?> m) {
        Map<String, String> names = new LinkedHashMap<>();
        for (FieldMetadata f : m.fields()) {
            names.put(f.name(), f.attributeName());
        }
        Set<String> encrypted = new LinkedHashSet<>();
        for (FieldMetadata f : m.encryptedFields()) {
            encrypted.add(f.attributeName());
        }
        String table = tableNamePrefix + m.tableName().orElse(m.type().getSimpleName());
        Info info =
                new Info(
                        m.type(),
                        table,
                        m.partitionKey().attributeName(),
                        m.sortKey().map(FieldMetadata::attributeName),
                        names,
                        java.util.Collections.unmodifiableSet(
                                encrypted), // declaration order, for stable messages
                        m.versionField().map(FieldMetadata::attributeName),
                        m,
                        TransformedFields.of(m));
        byTable.putIfAbsent(table, info);
        return info.asModelInfo();
    }

    private record Info(
            Class<?> type,
            String tableName,
            String partitionKeyAttribute,
            Optional<String> sortKeyAttribute,
            Map<String, String> attributeNames,
            Set<String> encryptedAttributes,
            Optional<String> versionAttribute,
            ModelMetadata<?> metadata,
            Map<Class<? extends Annotation>, Set<String>> transforms)
            implements ModelInfo {
        Info {
            // keep declaration order for callers that iterate the fields
            attributeNames =
                    java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributeNames));
        }

        @Override
        public Optional<dev.dynamorm.Converter<?>> converter(String field) {
            FieldMetadata f = field == null ? null : metadata.field(field);
            return f == null ? Optional.empty() : Optional.of(f.converter());
        }

        @Override
        public Set<String> transformedAttributes(Class<? extends Annotation> annotation) {
            return transforms.getOrDefault(annotation, Set.of());
        }

        @Override
        public Set<String> transformedAttributes() {
            return encryptedAttributes;
        }

        @Override
        public Set<String> uniqueAttributes() {
            return UniqueKeys.attributes(metadata);
        }

        /**
         * This, as the interface: upcasts of the chain's records happen in the records, because
         * verifying an upcast loads the interface and the (empty) chain is loaded by every engine.
         */
        ModelInfo asModelInfo() {
            return this;
        }
    }

    // ---- item transforms ----

    private record Item(
            Operation operation,
            String tableName,
            Optional<ModelInfo> model,
            boolean partial,
            Map<String, AttributeValue> key,
            Event request)
            implements ItemContext {

        @Override
        public Object attribute(String name) {
            return request == null ? null : request.attribute(name);
        }

        /** This, as the interface (see {@link Info#asModelInfo()}). */
        ItemContext asItemContext() {
            return this;
        }
    }

    /** The item context: the key as given, or else the key attributes the item holds. */
    private Item context(
            Operation op,
            String table,
            Class<?> type,
            Map<String, AttributeValue> item,
            boolean partial,
            Map<String, AttributeValue> key) {
        Optional<ModelInfo> model = type == null ? modelForTable(table) : model(type);
        Map<String, AttributeValue> k = key;
        if (k == null || k.isEmpty()) {
            k = Map.of();
            if (model.isPresent()) {
                Map<String, AttributeValue> found = new LinkedHashMap<>(4);
                AttributeValue pk = item.get(model.get().partitionKeyAttribute());
                if (pk != null) {
                    found.put(model.get().partitionKeyAttribute(), pk);
                    model.get()
                            .sortKeyAttribute()
                            .map(item::get)
                            .ifPresent(sk -> found.put(model.get().sortKeyAttribute().get(), sk));
                }
                k = java.util.Collections.unmodifiableMap(found);
            }
        } else {
            k = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(k));
        }
        // a stream image was read by no request: a request made current earlier does not apply
        Event request = op == Operation.STREAM_READ ? null : RequestScope.current();
        return new Item(op, table, model, partial, k, request);
    }

    public Map<String, AttributeValue> beforeWrite(
            Operation op,
            String table,
            Class<?> type,
            Map<String, AttributeValue> item,
            boolean partial) {
        return beforeWrite(op, table, type, item, partial, null);
    }

    /**
     * Runs the write transforms on an item, in plugin order, then checks that no attribute of a
     * transformed field (an annotation marked {@code FieldTransform}, such as {@code @Encrypted})
     * is left as given or stored as another type than its annotation says (a write is refused
     * rather than sent untransformed).
     *
     * @param key the item's key, or null to take it from the item (partial items must give it)
     */
    public Map<String, AttributeValue> beforeWrite(
            Operation op,
            String table,
            Class<?> type,
            Map<String, AttributeValue> item,
            boolean partial,
            Map<String, AttributeValue> key) {
        if (entries.isEmpty() || item == null) {
            return item;
        }
        Item context = context(op, table, type, item, partial, key);
        ItemContext given = context.asItemContext();
        Map<String, AttributeValue> out = item;
        for (Entry e : entries) {
            Map<String, AttributeValue> in = out;
            out = transform(e, op, table, type, () -> e.hook().beforeWrite(given, in), out, true);
        }
        requireTransformed(context, item, out);
        return out;
    }

    /**
     * Fails when a transformed attribute would be written as given: no hook transformed it (see
     * {@link TransformedFields#requireTransformed}).
     */
    private static void requireTransformed(
            Item context, Map<String, AttributeValue> in, Map<String, AttributeValue> out) {
        if (context.model().orElse(null) instanceof Info info && !info.transforms().isEmpty()) {
            TransformedFields.requireTransformed(
                    info.asModelInfo(),
                    info.transforms(),
                    context.operation(),
                    context.tableName(),
                    in,
                    out);
        }
    }

    public Map<String, AttributeValue> afterRead(
            Operation op,
            String table,
            Class<?> type,
            Map<String, AttributeValue> item,
            boolean partial) {
        return afterRead(op, table, type, item, partial, null);
    }

    /**
     * Runs the read transforms on an item, in reverse plugin order.
     *
     * @param key the item's key, or null to take it from the item (partial items should give it)
     */
    public Map<String, AttributeValue> afterRead(
            Operation op,
            String table,
            Class<?> type,
            Map<String, AttributeValue> item,
            boolean partial,
            Map<String, AttributeValue> key) {
        if (!transformsReads || item == null) {
            return item; // no hook changes items read: the default afterRead returns them as given
        }
        ItemContext context = context(op, table, type, item, partial, key).asItemContext();
        Map<String, AttributeValue> out = item;
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            Map<String, AttributeValue> in = out;
            out = transform(e, op, table, type, () -> e.hook().afterRead(context, in), out, false);
        }
        return out;
    }

    private Map<String, AttributeValue> transform(
            Entry e,
            Operation op,
            String table,
            Class<?> type,
            Supplier<Map<String, AttributeValue>> call,
            Map<String, AttributeValue> current,
            boolean write) {
        if (closed) {
            throw new IllegalStateException(CLOSED);
        }
        Map<String, AttributeValue> result;
        try {
            result = call.get();
        } catch (RuntimeException x) {
            throw PluginFailures.wrap(
                    x,
                    String.format(
                            Locale.ROOT,
                            "plugin '%s' failed to transform an item %s for %s "
                                    + "on table '%s': %s",
                            e.plugin(),
                            write ? "before writing it" : "after reading it",
                            op.name().toLowerCase(Locale.ROOT),
                            table,
                            x.getMessage()),
                    e.plugin(),
                    op,
                    type);
        }
        if (result == null) {
            throw PluginFailures.of(
                    String.format(
                            Locale.ROOT,
                            "plugin '%s' returned no item from %s for %s on "
                                    + "table '%s': return the item unchanged instead",
                            e.plugin(),
                            write ? "beforeWrite" : "afterRead",
                            op.name().toLowerCase(Locale.ROOT),
                            table),
                    e.plugin(),
                    op,
                    type,
                    null);
        }
        return result == current ? current : result;
    }

    // ---- around a request ----

    /**
     * Runs the hooks around one request.
     *
     * @param event the event (opened here)
     * @param request the SDK request, or null when the call site only gives a supplier
     * @param call sends a (possibly amended) request
     * @param sender sends with retries
     */
    @SuppressWarnings("unchecked")
    public <Q extends DynamoDbRequest, R> R around(
            Event event, Q request, Function<Q, R> call, Function<Supplier<R>, R> sender) {
        if (closed) {
            throw new IllegalStateException(CLOSED);
        }
        event.open(this, request);
        // the response is converted on this thread after this returns: the conversion's afterRead
        // sees this request's attributes (left current until the next request on this thread)
        RequestScope.enter(event);
        long start = System.nanoTime();
        int entered = 0;
        Throwable failure = null;
        R result = null;
        try {
            for (Entry e : entries) {
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
                result = (R) GetItemResponse.builder().item(event.served()).build();
                return result;
            }
            if (request == null) {
                if (!event.conditions().isEmpty() || !event.transactionPuts().isEmpty()) {
                    throw PluginFailures.of(
                            String.format(
                                    Locale.ROOT,
                                    "a hook amended %s on table '%s', but this "
                                            + "operation cannot carry amendments",
                                    event.operation(),
                                    event.tableName()),
                            null,
                            event.operation(),
                            null,
                            null);
                }
                result = sender.apply(() -> call.apply(null));
                return result;
            }
            Q amended = Requests.amend(event, request, this);
            event.sent(amended);
            result = sender.apply(() -> call.apply(amended));
            return result;
        } catch (RuntimeException | Error x) {
            failure = x;
            throw x;
        } finally {
            event.close();
            if (entered > 0) {
                after(
                        event,
                        HookOutcome.of(
                                failure,
                                Duration.ofNanos(System.nanoTime() - start),
                                event,
                                result),
                        entered);
            }
        }
    }

    void after(Event event, Outcome outcome, int entered) {
        for (int i = entered - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            try {
                e.hook().after(event, outcome);
            } catch (RuntimeException x) {
                afterFailures.incrementAndGet();
                LOG.warn(
                        "after-hook of plugin {} failed for {} on {}; the operation's outcome is unchanged",
                        e.plugin(),
                        event.operation(),
                        event.tableName(),
                        x);
            }
        }
    }
}
