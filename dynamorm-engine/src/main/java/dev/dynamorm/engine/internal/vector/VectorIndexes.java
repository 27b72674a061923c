package dev.dynamorm.engine.internal.vector;

import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.annotations.ProjectionType;
import dev.dynamorm.annotations.VectorIndex;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.SearchSchemaElement;
import software.amazon.awssdk.services.dynamodb.model.SearchSchemaElementType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.VectorIndexDescription;

/**
 * The vector indexes of a model: read from its {@link VectorIndex} annotations (on fields and
 * record components, for generated and reflective models alike), checked, and turned into the
 * {@code VectorIndexes} of CreateTable.
 */
public final class VectorIndexes {
    /** DynamoDB's largest number of dimensions (the service quota). */
    static final int MAX_DIMENSIONS = 4096;

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
    private static final ClassValue<Map<String, VectorIndex>> DECLARED =
            new ClassValue<>() {
                @Override
                protected Map<String, VectorIndex> computeValue(Class<?> type) {
                    return java.util.Collections.unmodifiableMap(declared(type));
                }
            };

    private VectorIndexes() {}

    /**
     * The vector indexes a model declares, checked against its fields.
     *
     * @throws ModelDefinitionException if a declaration is invalid
     */
    public static List<VectorIndexModel> of(ModelMetadata<?> model) {
        Map<String, VectorIndex> declared = DECLARED.get(model.type());
        if (declared.isEmpty()) {
            return List.of();
        }
        List<VectorIndexModel> out = new ArrayList<>();
        Map<String, Integer> dimensionsByField = new HashMap<>();
        Set<String> names = new TreeSet<>();
        model.indexes().forEach(i -> names.add(i.name()));
        for (Map.Entry<String, VectorIndex> e : declared.entrySet()) {
            VectorIndexModel index = resolve(model, e.getKey(), e.getValue());
            if (!names.add(index.name())) {
                throw invalid(model, "index name '%s' is used twice", index.name());
            }
            Integer other = dimensionsByField.put(index.field().name(), index.dimensions());
            if (other != null && other != index.dimensions()) {
                throw invalid(
                        model,
                        "field '%s' has vector indexes of %d and %d dimensions: they must agree",
                        index.field().name(),
                        other,
                        index.dimensions());
            }
            out.add(index);
        }
        return List.copyOf(out);
    }

    /** The annotations by Java field name, for every class from the model up. */
    private static Map<String, VectorIndex> declared(Class<?> type) {
        Map<String, VectorIndex> out = new LinkedHashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                VectorIndex v = f.getAnnotation(VectorIndex.class);
                if (v != null) {
                    out.putIfAbsent(f.getName(), v);
                }
            }
        }
        return out;
    }

    private static VectorIndexModel resolve(
            ModelMetadata<?> model, String javaName, VectorIndex a) {
        FieldMetadata field = model.field(javaName);
        if (field == null) {
            throw invalid(
                    model,
                    "field '%s' has @VectorIndex but is not mapped (is it @Ignore'd or transient?)",
                    javaName);
        }
        if (!isVectorType(field.genericType())) {
            throw invalid(
                    model,
                    "@VectorIndex field '%s' is %s: declare it as float[] or List<Float>",
                    javaName,
                    field.genericType().getTypeName());
        }
        if (!NAME.matcher(a.name()).matches()) {
            throw invalid(
                    model,
                    "vector index name '%s' on field '%s' must be 3 to 255 characters of [a-zA-Z0-9_.-]",
                    a.name(),
                    javaName);
        }
        if (a.dimensions() < 1 || a.dimensions() > MAX_DIMENSIONS) {
            throw invalid(
                    model,
                    "vector index '%s' has %d dimensions: DynamoDB allows 1 to %d",
                    a.name(),
                    a.dimensions(),
                    MAX_DIMENSIONS);
        }
        Optional<FieldMetadata> partition =
                a.partitionKey().isEmpty()
                        ? Optional.empty()
                        : Optional.of(searchField(model, a, a.partitionKey(), "partitionKey"));
        List<FieldMetadata> filters = new ArrayList<>();
        for (String f : a.filters()) {
            FieldMetadata filter = searchField(model, a, f, "filters");
            if (filters.contains(filter) || partition.filter(filter::equals).isPresent()) {
                throw invalid(model, "vector index '%s' names field '%s' twice", a.name(), f);
            }
            filters.add(filter);
        }
        if (a.include().length > 0 && a.projection() != ProjectionType.INCLUDE) {
            throw invalid(
                    model,
                    "vector index '%s' lists include fields but projects %s: set projection = INCLUDE",
                    a.name(),
                    a.projection());
        }
        if (a.projection() == ProjectionType.INCLUDE && a.include().length == 0) {
            throw invalid(
                    model,
                    "vector index '%s' projects INCLUDE but lists no include fields",
                    a.name());
        }
        List<FieldMetadata> include = new ArrayList<>();
        for (String f : a.include()) {
            include.add(field(model, a, f, "include"));
        }
        return new VectorIndexModel(
                a.name(),
                field,
                a.dimensions(),
                a.distance(),
                partition,
                filters,
                a.projection(),
                include);
    }

    private static boolean isVectorType(Type type) {
        if (type == float[].class) {
            return true;
        }
        return type instanceof ParameterizedType p
                && p.getRawType() == List.class
                && p.getActualTypeArguments()[0] == Float.class;
    }

    private static FieldMetadata field(
            ModelMetadata<?> model, VectorIndex a, String name, String member) {
        FieldMetadata f = model.field(name);
        if (f == null) {
            throw invalid(
                    model,
                    "vector index '%s' names unknown field '%s' in %s",
                    a.name(),
                    name,
                    member);
        }
        return f;
    }

    private static FieldMetadata searchField(
            ModelMetadata<?> model, VectorIndex a, String name, String member) {
        FieldMetadata f = field(model, a, name, member);
        if (scalar(f).isEmpty()) {
            throw invalid(
                    model,
                    "vector index '%s' searches field '%s', stored as %s: search fields must be strings, numbers or binary",
                    a.name(),
                    name,
                    f.attributeType());
        }
        return f;
    }

    private static Optional<ScalarAttributeType> scalar(FieldMetadata f) {
        return switch (f.attributeType()) {
            case S -> Optional.of(ScalarAttributeType.S);
            case N -> Optional.of(ScalarAttributeType.N);
            case B -> Optional.of(ScalarAttributeType.B);
            default -> Optional.empty();
        };
    }

    private static ModelDefinitionException invalid(
            ModelMetadata<?> model, String format, Object... args) {
        return new ModelDefinitionException(
                "model " + model.type().getName() + ": " + String.format(Locale.ROOT, format, args),
                model.type());
    }

    // ---- CreateTable, waiting and drift

    /** The attribute definitions the search schemas need, by attribute name. */
    public static Map<String, ScalarAttributeType> attributeDefinitions(
            List<VectorIndexModel> indexes) {
        Map<String, ScalarAttributeType> out = new LinkedHashMap<>();
        for (VectorIndexModel i : indexes) {
            for (FieldMetadata f : i.searchFields()) {
                out.put(f.attributeName(), scalar(f).orElseThrow());
            }
        }
        return out;
    }

    /** The {@code VectorIndexes} of CreateTable. */
    public static List<software.amazon.awssdk.services.dynamodb.model.VectorIndex> toSdk(
            List<VectorIndexModel> indexes) {
        List<software.amazon.awssdk.services.dynamodb.model.VectorIndex> out = new ArrayList<>();
        for (VectorIndexModel i : indexes) {
            List<SearchSchemaElement> schema = new ArrayList<>();
            i.partitionKey()
                    .ifPresent(
                            p ->
                                    schema.add(
                                            SearchSchemaElement.builder()
                                                    .attributeName(p.attributeName())
                                                    .searchSchemaElementType(
                                                            SearchSchemaElementType.HASH)
                                                    .build()));
            for (FieldMetadata f : i.filters()) {
                schema.add(
                        SearchSchemaElement.builder()
                                .attributeName(f.attributeName())
                                .searchSchemaElementType(SearchSchemaElementType.INLINE_FILTER)
                                .build());
            }
            Projection.Builder projection =
                    Projection.builder().projectionType(i.projection().name());
            if (i.projection() == ProjectionType.INCLUDE) {
                projection.nonKeyAttributes(
                        i.include().stream().map(FieldMetadata::attributeName).toList());
            }
            out.add(
                    software.amazon.awssdk.services.dynamodb.model.VectorIndex.builder()
                            .indexName(i.name())
                            .vectorAttribute(a -> a.attributeName(i.field().attributeName()))
                            .dimensions((long) i.dimensions())
                            .distanceFunction(i.distance().name())
                            .searchSchema(schema.isEmpty() ? null : schema)
                            .projection(projection.build())
                            .build());
        }
        return out;
    }

    /** Whether every vector index of a description is active and done backfilling. */
    public static boolean active(TableDescription d) {
        return !d.hasVectorIndexes()
                || d.vectorIndexes().stream()
                        .allMatch(
                                v ->
                                        (v.indexStatus() == null
                                                        || "ACTIVE".equals(v.indexStatusAsString()))
                                                && !Boolean.TRUE.equals(v.backfilling()));
    }

    /** Adds to {@code differences} how the table's vector indexes differ from the model's. */
    public static void drift(
            List<VectorIndexModel> expected, TableDescription actual, List<String> differences) {
        Map<String, VectorIndexDescription> found = new LinkedHashMap<>();
        if (actual.hasVectorIndexes()) {
            actual.vectorIndexes().forEach(v -> found.put(v.indexName(), v));
        }
        for (software.amazon.awssdk.services.dynamodb.model.VectorIndex e : toSdk(expected)) {
            VectorIndexDescription a = found.remove(e.indexName());
            String what = "vector index '" + e.indexName() + "'";
            if (a == null) {
                differences.add(what + " is in the model but not in the table");
                continue;
            }
            compare(
                    what,
                    "vector attribute",
                    e.vectorAttribute().attributeName(),
                    a.vectorAttribute() == null ? null : a.vectorAttribute().attributeName(),
                    differences);
            compare(what, "dimensions", e.dimensions(), a.dimensions(), differences);
            compare(
                    what,
                    "distance function",
                    e.distanceFunctionAsString(),
                    a.distanceFunctionAsString(),
                    differences);
            compare(
                    what,
                    "search schema",
                    render(e.searchSchema()),
                    render(a.searchSchema()),
                    differences);
            compare(
                    what,
                    "projection",
                    e.projection().projectionTypeAsString(),
                    a.projection() == null ? null : a.projection().projectionTypeAsString(),
                    differences);
        }
        found.keySet()
                .forEach(
                        n ->
                                differences.add(
                                        "vector index '"
                                                + n
                                                + "' is in the table but not in the model"));
    }

    private static void compare(
            String what,
            String property,
            Object expected,
            Object actual,
            List<String> differences) {
        if (!java.util.Objects.equals(String.valueOf(expected), String.valueOf(actual))) {
            differences.add(
                    String.format(
                            Locale.ROOT,
                            "%s has %s %s in the table but %s in the model",
                            what,
                            property,
                            actual,
                            expected));
        }
    }

    private static String render(List<SearchSchemaElement> schema) {
        List<String> parts = new ArrayList<>();
        for (SearchSchemaElement e : schema) {
            parts.add(e.attributeName() + " " + e.searchSchemaElementTypeAsString());
        }
        return parts.toString();
    }
}
