package dev.dynamorm.engine.internal.model;

import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.annotations.DynamoTable;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The metadata of every model, read by reflection once per class and cached. Thread-safe: many
 * threads may ask for the same class at once and all get the same instance.
 *
 * <p>The cache lives in the {@link ConverterRegistry} (whose nested-model provider uses it), so
 * registries built over the same converter registry share it.
 */
public final class ModelRegistry {

    private final ConverterRegistry converters;
    private final ModelFactory models;
    private final FamilyRegistry families;

    /** Top-level models, with their key templates applied. */
    private final ConcurrentHashMap<Class<?>, ModelMetadata<?>> templated =
            new ConcurrentHashMap<>();

    /**
     * Creates a registry.
     *
     * @param converters the converters fields are mapped with
     */
    public ModelRegistry(ConverterRegistry converters) {
        this.converters = Objects.requireNonNull(converters, "converters");
        this.models = converters.models();
        this.families = new FamilyRegistry(models);
    }

    /**
     * The metadata of a top-level model, built on first use.
     *
     * @param type a record or JavaBean annotated with {@code @DynamoTable}
     * @param <T> the model type
     * @return the metadata, the same instance on every call
     * @throws ModelDefinitionException if the class is not a valid model, naming the class, the
     *     field and a fix
     */
    public <T> ModelMetadata<T> metadata(Class<T> type) {
        Objects.requireNonNull(type, "type");
        // entity families and their members (a member's own schema has the family's table)
        Optional<ModelMetadata<T>> family = families.find(type);
        if (family.isPresent()) {
            return family.get();
        }
        ModelMetadata<?> templated = this.templated.get(type);
        if (templated != null) {
            @SuppressWarnings("unchecked") // cached under its own class
            ModelMetadata<T> t = (ModelMetadata<T>) templated;
            return t;
        }
        // a generated schema says whether the class is a table without reading its annotations
        // (no reflection on the generated path)
        dev.dynamorm.spi.schema.ModelSchema<T> schema = models.schema(type);
        boolean table =
                schema != null
                        ? schema.tableName().isPresent()
                        : type.isAnnotationPresent(DynamoTable.class);
        if (!table) {
            throw new ModelDefinitionException(
                    String.format(
                            Locale.ROOT,
                            "class %s has no @DynamoTable: annotate it with @DynamoTable(\"table-name\") to store it in a "
                                    + "table (types only nested in other models need no annotation)",
                            type.getName()),
                    type);
        }
        ReflectiveModel<T> model = models.get(type);
        ModelMetadata<T> built = model;
        // a generated schema without key templates, a model without @Unique: nothing to wrap or
        // check, and registering loads neither class
        boolean wrapped = schema == null || !schema.keyTemplates().isEmpty();
        if (wrapped) {
            built = KeyTemplates.wrap(built, schema);
        }
        // unwrapped, the builder knows (no pass over every field)
        if (wrapped ? anyUnique(built) : model.anyUnique()) {
            UniqueKeys.check(built);
        }
        ModelMetadata<?> raced = this.templated.putIfAbsent(type, built);
        if (raced != null) {
            @SuppressWarnings("unchecked") // cached under its own class
            ModelMetadata<T> t = (ModelMetadata<T>) raced;
            return t;
        }
        return built;
    }

    /** Whether a field is {@code @Unique} (what {@link UniqueKeys#check} checks). */
    private static boolean anyUnique(ModelMetadata<?> model) {
        for (FieldMetadata f : model.fields()) {
            if (f.isUnique()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The metadata of a record or JavaBean stored as a map attribute, built on first use.
     * {@code @DynamoTable} is optional; without it the type has no table, keys or indexes.
     *
     * @param type the record or JavaBean
     * @param <T> the type
     * @return the metadata, the same instance on every call
     * @throws ModelDefinitionException if the class cannot be mapped
     */
    public <T> ModelMetadata<T> nestedMetadata(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return models.get(type);
    }

    /**
     * The converters fields are mapped with.
     *
     * @return the converter registry
     */
    public ConverterRegistry converters() {
        return converters;
    }
}
