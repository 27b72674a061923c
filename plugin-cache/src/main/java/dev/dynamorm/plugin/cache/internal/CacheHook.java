package dev.dynamorm.plugin.cache.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.dynamorm.Hook;
import dev.dynamorm.HookContext;
import dev.dynamorm.ItemRef;
import dev.dynamorm.Operation;
import dev.dynamorm.Outcome;
import dev.dynamorm.PluginContext;
import dev.dynamorm.Statistic;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.plugin.cache.CacheConfig;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Serves gets of configured models from their cache, fills it from eventual-consistency gets, and
 * invalidates keys written through this instance: before the write is sent and again after it
 * ended, so a get racing with a write never leaves the old item cached (see {@link ModelCache}).
 */
final class CacheHook implements Hook {

    private static final Set<Operation> WRITES =
            EnumSet.of(
                    Operation.CREATE,
                    Operation.PUT,
                    Operation.UPDATE,
                    Operation.DELETE,
                    Operation.BATCH_WRITE,
                    Operation.TRANSACT_WRITE);
    private static final String STAMP = "cache:stamp";
    private static final String WRITTEN = "cache:written";

    private final Map<String, CacheConfig.ModelSettings> settings;
    private final ConcurrentMap<String, ModelCache> byName = new ConcurrentHashMap<>();
    private final LongAdder bypasses = new LongAdder();

    /** Each model's cache once resolved: empty when no configured name matches the model. */
    private final ConcurrentMap<Class<?>, Optional<ModelCache>> byModel = new ConcurrentHashMap<>();

    /** The model each simple class name entry matched, to refuse an entry naming two models. */
    private final ConcurrentMap<String, Class<?>> simpleNameMatches = new ConcurrentHashMap<>();

    /** The physical table each logical table name entry matched. */
    private final ConcurrentMap<String, String> logicalNameMatches = new ConcurrentHashMap<>();

    /** The configured names that matched a model so far. */
    private final Set<String> matched = ConcurrentHashMap.newKeySet();

    /** The names of generated models, read at the first check (see {@link ModelNames}). */
    private volatile Set<String> generated;

    CacheHook(CacheConfig config) {
        this.settings = config.models();
        settings.keySet().forEach(ModelNames::requireModelIfClass);
        Ticker ticker = config.clock().<Ticker>map(CacheHook::ticker).orElse(Ticker.systemTicker());
        for (Map.Entry<String, CacheConfig.ModelSettings> e : settings.entrySet()) {
            CacheConfig.ModelSettings s = e.getValue();
            Cache<Map<String, AttributeValue>, Map<String, AttributeValue>> cache =
                    Caffeine.newBuilder()
                            .maximumSize(s.maximumSize())
                            .expireAfterWrite(s.ttl())
                            .ticker(ticker)
                            .recordStats()
                            .build();
            byName.put(e.getKey(), new ModelCache(tag(e.getKey()), cache));
        }
    }

    /**
     * The {@code model} tag of a configured name: a class's simple name (as on every DynamORM
     * meter), else the name as configured (a table name, or a simple class name already).
     */
    static String tag(String configured) {
        for (ClassLoader loader :
                new ClassLoader[] {
                    Thread.currentThread().getContextClassLoader(), CacheHook.class.getClassLoader()
                }) {
            if (loader == null || configured.indexOf('.') < 0) {
                continue;
            }
            try {
                return Class.forName(configured, false, loader).getSimpleName();
            } catch (ClassNotFoundException | LinkageError e) {
                // not a class this loader sees: a table name, or another loader's class
            }
        }
        return configured;
    }

    private static Ticker ticker(InstantSource clock) {
        return () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }

    void publish(PluginContext context) {
        for (ModelCache c : byName.values()) {
            Map<String, String> tags = Map.of("model", c.name());
            context.publish(
                    Statistic.counter(
                            "dynamorm.cache.hits",
                            "gets served from the cache",
                            tags,
                            () -> c.cache().stats().hitCount()));
            context.publish(
                    Statistic.counter(
                            "dynamorm.cache.misses",
                            "gets of a cached model sent to DynamoDB",
                            tags,
                            () -> c.cache().stats().missCount()));
            context.publish(
                    Statistic.counter(
                            "dynamorm.cache.evictions",
                            "items evicted for size or expiry",
                            tags,
                            () -> c.cache().stats().evictionCount()));
            context.publish(
                    Statistic.gauge(
                            "dynamorm.cache.size",
                            "items in the cache",
                            tags,
                            () -> c.cache().estimatedSize()));
        }
        context.publish(
                Statistic.counter(
                        "dynamorm.cache.bypasses",
                        "consistent gets of cached models, not cached",
                        Map.of(),
                        bypasses::sum));
    }

    void clear() {
        byName.values().forEach(c -> c.cache().invalidateAll());
    }

    /** The cache of a model; null when the model is not configured. */
    private ModelCache cacheFor(String table, Class<?> modelType) {
        if (byName.isEmpty()) {
            return null;
        }
        if (modelType == null || modelType == Object.class) {
            return byName.get(table);
        }
        Optional<ModelCache> c = byModel.get(modelType);
        if (c == null) {
            c = resolve(modelType, table);
            byModel.putIfAbsent(modelType, c);
        }
        return c.orElse(null);
    }

    /**
     * Finds the configured name of a model: its class name, its physical table name, its simple
     * class name or its logical table name ({@code @DynamoTable}), in this order.
     *
     * @throws IllegalArgumentException when a simple or logical name matches two models that do not
     *     share a table
     */
    private Optional<ModelCache> resolve(Class<?> type, String table) {
        ModelCache c = byName.get(type.getName());
        if (c == null) {
            c = byName.get(table);
        }
        if (c == null && (c = byName.get(type.getSimpleName())) != null) {
            Class<?> other = simpleNameMatches.putIfAbsent(type.getSimpleName(), type);
            if (other != null && other != type) {
                throw ambiguous(type.getSimpleName(), other.getName(), type.getName());
            }
        }
        DynamoTable logical = type.getAnnotation(DynamoTable.class);
        if (c == null && logical != null && (c = byName.get(logical.value())) != null) {
            String other = logicalNameMatches.putIfAbsent(logical.value(), table);
            if (other != null && !other.equals(table)) {
                throw ambiguous(logical.value(), "table " + other, "table " + table);
            }
        }
        if (c != null) {
            for (String name : ModelNames.of(type, table)) {
                if (byName.containsKey(name)) {
                    matched.add(name);
                }
            }
            return Optional.of(c);
        }
        List<String> unmatched =
                byName.keySet().stream().filter(n -> !matched.contains(n)).sorted().toList();
        if (!unmatched.isEmpty()) {
            Set<String> g = generated;
            if (g == null) {
                g = ModelNames.generated();
                generated = g;
            }
            Optional<IllegalArgumentException> typo =
                    ModelNames.nearMiss(unmatched, type, table, g);
            if (typo.isPresent()) {
                throw typo.get();
            }
        }
        return Optional.empty();
    }

    private static IllegalArgumentException ambiguous(String name, String first, String second) {
        return new IllegalArgumentException(
                String.format(
                        Locale.ROOT,
                        "cache model '%s' is ambiguous: it names %s and %s; configure the model's class name "
                                + "or physical table name instead",
                        name,
                        first,
                        second));
    }

    private ModelCache cacheFor(ItemRef ref) {
        return cacheFor(ref.tableName(), ref.modelType().orElse(null));
    }

    @Override
    public void before(HookContext context) {
        Operation op = context.operation();
        if (op == Operation.GET) {
            ModelCache c = cacheFor(context.tableName(), context.modelType());
            if (c == null || context.key().isEmpty()) {
                return;
            }
            if (context.consistentRead()) {
                bypasses.increment();
                return;
            }
            Map<String, AttributeValue> key = context.key().get();
            Map<String, AttributeValue> cached = c.cache().getIfPresent(key);
            if (cached != null) {
                context.respondWith(cached);
            } else {
                context.attribute(STAMP, c.stamp(key));
            }
            return;
        }
        if (WRITES.contains(op) && !byName.isEmpty()) {
            // with no cached model there is nothing to invalidate: the write's items are not even
            // built
            List<Written> written = new ArrayList<>();
            for (ItemRef ref : context.items()) {
                if (ref.action() == ItemRef.Action.GET
                        || ref.action() == ItemRef.Action.CONDITION_CHECK) {
                    continue;
                }
                ModelCache c = cacheFor(ref);
                if (c != null) {
                    c.writeStarted(ref.key());
                    written.add(new Written(c, ref.key()));
                }
            }
            if (!written.isEmpty()) {
                context.attribute(WRITTEN, written);
            }
        }
    }

    @Override
    public void after(HookContext context, Outcome outcome) {
        Object stamp = context.attribute(STAMP);
        if (stamp instanceof Long s && outcome.succeeded() && !outcome.servedByHook()) {
            ModelCache c = cacheFor(context.tableName(), context.modelType());
            if (outcome.response().orElse(null) instanceof GetItemResponse r
                    && r.hasItem()
                    && !r.item().isEmpty()) {
                c.fill(context.key().orElseThrow(), r.item(), s);
            }
            return;
        }
        if (context.attribute(WRITTEN) instanceof List<?> written) {
            for (Object w : written) {
                Written x = (Written) w;
                x.cache().writeEnded(x.key());
            }
        }
    }

    private record Written(ModelCache cache, Map<String, AttributeValue> key) {}
}
