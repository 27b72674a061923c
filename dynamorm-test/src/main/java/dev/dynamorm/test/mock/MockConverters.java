package dev.dynamorm.test.mock;

import dev.dynamorm.Converter;
import dev.dynamorm.ConverterLookup;
import dev.dynamorm.ConverterProvider;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The converters a {@link MockDB} reads typed values with: the {@link ConverterProvider}s found by
 * {@link ServiceLoader} (the engine's built-ins come from {@code dynamorm-converters}), asked in
 * descending priority as the engine asks them. Without any provider on the path, no value can be
 * read through a converter and MockDB compares values as given. Thread-safe.
 */
final class MockConverters implements ConverterLookup {

    private final List<ConverterProvider> providers;

    /** Filled with get/putIfAbsent: container providers look up their elements while asked. */
    private final ConcurrentHashMap<Type, Optional<Converter<?>>> cache = new ConcurrentHashMap<>();

    private MockConverters(List<ConverterProvider> providers) {
        List<ConverterProvider> sorted = new ArrayList<>(providers);
        // List.sort is stable: equal priorities keep the discovery order, as in the engine
        sorted.sort(Comparator.comparingInt(ConverterProvider::priority).reversed());
        this.providers = List.copyOf(sorted);
    }

    /** The providers on the class path or module path. */
    static MockConverters discover() {
        List<ConverterProvider> found = new ArrayList<>();
        ServiceLoader.load(ConverterProvider.class).forEach(found::add);
        return new MockConverters(found);
    }

    @Override
    public Optional<Converter<?>> find(Type type) {
        Objects.requireNonNull(type, "type");
        Optional<Converter<?>> converter = cache.get(type);
        if (converter == null) {
            converter = resolve(type);
            Optional<Converter<?>> previous = cache.putIfAbsent(type, converter);
            if (previous != null) {
                converter = previous;
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

    @Override
    public String toString() {
        return "MockConverters" + providers;
    }
}
