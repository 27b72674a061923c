package dev.dynamorm.engine.internal.model;

import dev.dynamorm.Converter;
import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.spi.schema.ModelSchema;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and caches the metadata of every type (top-level and nested), one instance per class.
 *
 * <p>Building happens under one lock, which a thread re-enters when a model's field types lead to
 * other models (or back to itself). Everything created while the outermost build runs (models, and
 * the converters it resolves) stays private to the building thread and is published only when that
 * build succeeds; a failed build leaves no trace, and other threads never see metadata that is
 * still being built. Reads of published metadata take no lock.
 */
final class ModelFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ModelFactory.class);

    private final ConverterRegistry converters;
    private final ConcurrentHashMap<Class<?>, ReflectiveModel<?>> models =
            new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();

    /**
     * The models the outermost build of the thread holding the lock has created so far, or null
     * when no build runs; guarded by the lock.
     */
    private Map<Class<?>, ReflectiveModel<?>> building;

    /**
     * The converters that build has found so far (empty for a type no provider handles), or null
     * until the first (a generated model of common types resolves none); guarded by the lock. A
     * plain map, not a holder class: one class less to load while the first model with a nested
     * type registers.
     */
    private Map<Type, Optional<Converter<?>>> session;

    private final GeneratedSchemas schemas;
    private final boolean requireGenerated;

    ModelFactory(ConverterRegistry converters, GeneratedSchemas schemas, boolean requireGenerated) {
        this.converters = converters;
        this.schemas = schemas;
        this.requireGenerated = requireGenerated;
    }

    /** Whether a generated schema describes the class. */
    boolean hasSchema(Class<?> type) {
        return schemas.find(type) != null;
    }

    /** The generated schema of the class, or null. */
    <T> ModelSchema<T> schema(Class<T> type) {
        return schemas.find(type);
    }

    private <T> void build(ReflectiveModel<T> model, Class<T> type) {
        ModelSchema<T> schema = schemas.find(type);
        if (schema != null) {
            LOG.debug("model {}: generated schema {}", type.getName(), schema.getClass().getName());
            new ModelBuilder<>(schema, converters).buildInto(model);
            return;
        }
        if (requireGenerated) {
            throw new ModelDefinitionException(
                    String.format(
                            Locale.ROOT,
                            "model %s has no generated schema and requireGeneratedModels(true) forbids reading it by "
                                    + "reflection: compile it with dev.dynamorm:dynamorm-processor on the annotation "
                                    + "processor path (and, on the module path, declare the provides line the "
                                    + "processor reports)",
                            type.getName()),
                    type);
        }
        LOG.debug("model {}: no generated schema, read by reflection", type.getName());
        new ModelBuilder<>(type, converters).buildInto(model);
    }

    /** The published metadata of a class, or null. */
    @SuppressWarnings("unchecked")
    <T> ReflectiveModel<T> cached(Class<T> type) {
        return (ReflectiveModel<T>) models.get(type);
    }

    /**
     * The converters of the current thread's build when it is building (created now if needed),
     * else null.
     */
    Map<Type, Optional<Converter<?>>> currentSession() {
        if (!lock.isHeldByCurrentThread() || building == null) {
            return null;
        }
        Map<Type, Optional<Converter<?>>> s = session;
        if (s == null) {
            s = new HashMap<>();
            session = s;
        }
        return s;
    }

    /**
     * The metadata of a class, built on first use. Within a build, a class that is being built
     * returns its incomplete metadata (recursive types).
     *
     * @throws dev.dynamorm.ModelDefinitionException if the class cannot be mapped
     */
    @SuppressWarnings("unchecked")
    <T> ReflectiveModel<T> get(Class<T> type) {
        ReflectiveModel<T> model = (ReflectiveModel<T>) models.get(type);
        if (model != null) {
            return model;
        }
        lock.lock();
        try {
            model = (ReflectiveModel<T>) models.get(type);
            if (model != null) {
                return model;
            }
            boolean outermost = building == null;
            if (outermost) {
                building = new LinkedHashMap<>();
            }
            try {
                model = (ReflectiveModel<T>) building.get(type);
                if (model != null) {
                    return model;
                }
                model = new ReflectiveModel<>(type);
                building.put(type, model);
                try {
                    build(model, type);
                } catch (RuntimeException | Error e) {
                    building.remove(type);
                    throw e;
                }
                if (outermost) {
                    publish(building, session);
                }
                return model;
            } finally {
                if (outermost) {
                    building = null;
                    session = null;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void publish(
            Map<Class<?>, ReflectiveModel<?>> built, Map<Type, Optional<Converter<?>>> s) {
        // keys, not values(): their set and iterator classes are loaded before any model (the
        // values' would be loaded by the first one)
        for (Class<?> type : built.keySet()) {
            ReflectiveModel<?> m = built.get(type);
            if (m.isComplete()) {
                models.putIfAbsent(m.type(), m);
            }
        }
        if (s != null) {
            converters.publish(s);
        }
    }
}
