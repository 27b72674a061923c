package dev.dynamorm.test.mock;

import dev.dynamorm.Converter;
import dev.dynamorm.test.internal.KitField;
import dev.dynamorm.test.internal.KitModel;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The declared type and converter of each field of a model, read from its {@link KitModel} (the
 * generated schema, else record components or the fields of a bean and its superclasses;
 * {@code @Ignore} left out), so that {@link MockDB} can treat values given for a field as the
 * engine does. A field whose converter is not known ({@code @Ttl} fields, nested models, no
 * converters on the path) has none, and its values are compared as given. Thread-safe.
 */
final class FieldTypes {

    /**
     * One field, or the value type of a map or list field.
     *
     * @param type the declared generic type
     * @param converter the converter the engine would use, or null when it is not known
     */
    record FieldType(Type type, Converter<Object> converter) {
        Class<?> rawType() {
            return raw(type);
        }
    }

    private final Map<Class<?>, Map<String, FieldType>> models = new ConcurrentHashMap<>();

    /** Discovered on first use, so that creating a MockDB stays cheap. */
    private volatile MockConverters converters;

    private MockConverters converters() {
        MockConverters found = converters;
        if (found == null) {
            synchronized (this) {
                found = converters;
                if (found == null) {
                    found = MockConverters.discover();
                    converters = found;
                }
            }
        }
        return found;
    }

    /**
     * The field a Java path names: {@code createdAt}, a nested {@code shipTo.city} or a map entry
     * {@code attrs.color}.
     *
     * @return the field, or null when the path has a list index or does not lead to a known field
     */
    FieldType resolve(Class<?> model, String path) {
        if (path.indexOf('[') >= 0) {
            return null;
        }
        String[] segments = path.split("\\.", -1);
        FieldType current = fields(model).get(segments[0]);
        for (int i = 1; i < segments.length && current != null; i++) {
            Class<?> raw = current.rawType();
            if (Map.class.isAssignableFrom(raw)) {
                current = typeArgument(current.type(), 1);
            } else if (raw.isRecord() || isBean(raw)) {
                current = fields(raw).get(segments[i]);
            } else {
                current = null;
            }
        }
        return current;
    }

    /**
     * The element type of a list field, for {@code setListElement}.
     *
     * @return the element, or null when the field is not a known list of one class
     */
    FieldType listElement(Class<?> model, String path) {
        FieldType list = resolve(model, path);
        if (list == null || !List.class.isAssignableFrom(list.rawType())) {
            return null;
        }
        FieldType element = typeArgument(list.type(), 0);
        return element != null && element.type() instanceof Class<?> ? element : null;
    }

    private Map<String, FieldType> fields(Class<?> type) {
        Map<String, FieldType> known = models.get(type);
        if (known == null) {
            known = read(type);
            models.putIfAbsent(type, known);
        }
        return known;
    }

    private Map<String, FieldType> read(Class<?> type) {
        Map<String, FieldType> out = new LinkedHashMap<>();
        if (ModelTypes.isFamily(type)) {
            // an entity family's fields are its members' (the first member declaring one types it)
            for (Class<?> member : type.getPermittedSubclasses()) {
                fields(member).forEach(out::putIfAbsent);
            }
            return Map.copyOf(out);
        }
        for (KitField f : KitModel.of(type).fields()) {
            out.putIfAbsent(f.name(), field(f));
        }
        return Map.copyOf(out);
    }

    private FieldType field(KitField f) {
        if (f.ttl()) {
            // the engine stores @Ttl fields as epoch seconds with its own converter
            return new FieldType(f.type(), null);
        }
        if (f.ownConverter()) {
            // null when the @Convert class cannot be created: the engine reports that
            return new FieldType(f.type(), f.converter() == null ? null : erase(f.converter()));
        }
        return new FieldType(f.type(), converter(f.type()));
    }

    private Converter<Object> converter(Type type) {
        try {
            return converters().find(type).map(FieldTypes::erase).orElse(null);
        } catch (RuntimeException noConverter) {
            return null;
        }
    }

    // a converter of some T, applied only to values of T (checked before each call)
    @SuppressWarnings("unchecked")
    private static Converter<Object> erase(Converter<?> converter) {
        return (Converter<Object>) converter;
    }

    private FieldType typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            Type argument = p.getActualTypeArguments()[index];
            return new FieldType(argument, converter(argument));
        }
        return null;
    }

    private static boolean isBean(Class<?> type) {
        return !type.isInterface()
                && !type.isEnum()
                && !type.isPrimitive()
                && !type.isArray()
                && !type.getPackageName().startsWith("java.");
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }
}
