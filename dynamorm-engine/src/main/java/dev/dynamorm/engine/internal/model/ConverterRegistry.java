package dev.dynamorm.engine.internal.model;

import dev.dynamorm.Converter;
import dev.dynamorm.ConverterLookup;
import dev.dynamorm.ConverterProvider;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the converter of each Java type by asking the providers in descending priority (ties keep
 * the order given), and caches the answer per type. After every given provider comes the engine's
 * own, which stores application records and JavaBeans as maps (M) through the same reflective
 * metadata as top-level models.
 *
 * <p>Thread-safe. The cache is filled with {@code get}/{@code putIfAbsent}, never with a recursive
 * {@code computeIfAbsent}, since providers of containers look up their element types while they are
 * asked. Converters created while a model is being built are published only when that build
 * succeeds.
 */
public final class ConverterRegistry implements ConverterLookup {

    private final List<ConverterProvider> providers;

    /** Each type's answer, empty when no provider handles the type (the answer is kept too). */
    private final ConcurrentHashMap<Type, Optional<Converter<?>>> cache = new ConcurrentHashMap<>();

    private final ModelFactory models;

    /**
     * Whether the built-in provider is the only one besides the engine's nested-model provider:
     * then the built-in converter answers every type {@link BuiltInDefault} knows, and fields of
     * those types are registered with a stand-in instead of their converter.
     */
    private final boolean builtInsOnly;

    /**
     * The stand-ins, by kind, created at the first field of each kind; the array itself at the
     * first stand-in, so that building the engine loads no {@link BuiltInDefault}.
     */
    private BuiltInDefault[] standIns;

    /** The built-in provider's class, named: the engine does not depend on dynamorm-converters. */
    private static final String BUILT_IN_PROVIDER =
            "dev.dynamorm.converters.internal.BuiltInConverterProvider";

    /**
     * Creates a registry.
     *
     * @param providers the providers: those registered on the builder first, then the discovered
     *     ones; they are asked in descending {@link ConverterProvider#priority()}, ties in this
     *     order
     */
    public ConverterRegistry(List<? extends ConverterProvider> providers) {
        this(providers, false);
    }

    /**
     * Creates a registry.
     *
     * @param providers the providers, as for {@link #ConverterRegistry(List)}
     * @param requireGeneratedModels whether a type without a generated schema is an error instead
     *     of being read by reflection
     */
    public ConverterRegistry(
            List<? extends ConverterProvider> providers, boolean requireGeneratedModels) {
        List<ConverterProvider> sorted = new ArrayList<>(providers.size() + 1);
        for (ConverterProvider p : providers) {
            Objects.requireNonNull(p, "provider");
            // an insertion sort after the last provider of higher or equal priority (stable: equal
            // priorities keep the given order); no Comparator lambda while the engine is built
            int at = sorted.size();
            while (at > 0 && sorted.get(at - 1).priority() < p.priority()) {
                at--;
            }
            sorted.add(at, p);
        }
        this.models = new ModelFactory(this, new GeneratedSchemas(), requireGeneratedModels);
        boolean builtIns = false;
        boolean others = false;
        for (ConverterProvider p : sorted) {
            if (p.getClass().getName().equals(BUILT_IN_PROVIDER)) {
                builtIns = true;
            } else {
                others = true;
            }
        }
        this.builtInsOnly = builtIns && !others;
        sorted.add(new NestedModelProvider(models));
        this.providers = List.copyOf(sorted);
    }

    /**
     * A stand-in for the built-in converter of a field's type, when that converter is sure to be
     * the one {@link #find} returns (no other provider is present) and {@link BuiltInDefault} reads
     * and writes the type's common values itself; else null.
     *
     * @param field the field
     * @return the stand-in, or null to find the converter
     */
    BuiltInDefault builtInDefault(Property field) {
        if (!builtInsOnly) {
            return null;
        }
        int kind = field.builtInKind();
        return kind == BuiltInDefault.NONE ? null : standIn(kind, field.rawType);
    }

    /**
     * The stand-in of a kind (not NONE) of the built-in converters; only when {@link
     * #builtInDefault} may answer one.
     *
     * @param kind the kind
     * @param raw the field type's class (for an enum, the enum)
     * @return the stand-in
     */
    BuiltInDefault standIn(int kind, Class<?> raw) {
        if (kind == BuiltInDefault.ENUM) {
            return new BuiltInDefault(kind, raw, this); // one per field: each enum type its own
        }
        // racy but safe: two threads may each create one; either answers the same
        BuiltInDefault[] all = standIns;
        if (all == null) {
            all = new BuiltInDefault[BuiltInDefault.KINDS];
            standIns = all;
        }
        BuiltInDefault standIn = all[kind];
        if (standIn == null) {
            standIn = new BuiltInDefault(kind, raw, this);
            all[kind] = standIn;
        }
        return standIn;
    }

    /**
     * The providers in the order they are asked, the engine's nested-model provider last.
     *
     * @return the providers
     */
    public List<ConverterProvider> providers() {
        return providers;
    }

    /**
     * Whether any converter provider besides the engine's nested-model one is present. Without one,
     * {@code dynamorm-converters} is missing from the path (even {@code String} has no converter)
     * and the error should say so rather than suggest writing a converter.
     *
     * @return true when a built-in, discovered or registered provider is present
     */
    boolean builtInsPresent() {
        for (ConverterProvider provider : providers) {
            if (!(provider instanceof NestedModelProvider)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Finds the converter for a type.
     *
     * @param type a class or parameterized type
     * @return the converter, or empty when no provider handles the type
     * @throws dev.dynamorm.ModelDefinitionException when the type is a nested record or bean that
     *     cannot be mapped
     */
    @Override
    public Optional<Converter<?>> find(Type type) {
        Objects.requireNonNull(type, "type");
        Optional<Converter<?>> converter = cache.get(type);
        if (converter == null) {
            Map<Type, Optional<Converter<?>>> session = models.currentSession();
            if (session != null) {
                converter = session.get(type);
            }
            if (converter == null) {
                converter = resolve(type);
                // a recursive lookup may have stored one meanwhile: keep the first
                Optional<Converter<?>> previous =
                        session != null
                                ? session.putIfAbsent(type, converter)
                                : cache.putIfAbsent(type, converter);
                if (previous != null) {
                    converter = previous;
                }
            }
        }
        return converter;
    }

    private Optional<Converter<?>> resolve(Type type) {
        for (ConverterProvider provider : providers) {
            Optional<Converter<?>> found = provider.converterFor(type, this);
            if (found != null && found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Publishes the converters created during a successful build. */
    void publish(Map<Type, Optional<Converter<?>>> converters) {
        for (Map.Entry<Type, Optional<Converter<?>>> e : converters.entrySet()) {
            cache.putIfAbsent(e.getKey(), e.getValue());
        }
    }

    /** The metadata cache shared by every {@link ModelRegistry} over this registry. */
    ModelFactory models() {
        return models;
    }

    @Override
    public String toString() {
        return "ConverterRegistry" + providers;
    }
}
