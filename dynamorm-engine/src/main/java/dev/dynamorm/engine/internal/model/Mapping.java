package dev.dynamorm.engine.internal.model;

import dev.dynamorm.Converter;
import dev.dynamorm.annotations.FieldTransform;
import dev.dynamorm.spi.schema.FieldSchema;
import dev.dynamorm.spi.schema.IndexKeySchema;
import java.lang.annotation.Annotation;
import java.util.List;

/** The mapping annotations of one property, merged over its sources (field, getter, component). */
record Mapping(
        boolean ignore,
        boolean partitionKey,
        boolean sortKey,
        String attribute,
        Class<?> convert,
        Converter<?> converterInstance,
        boolean version,
        boolean createdAt,
        boolean updatedAt,
        boolean ttl,
        boolean unique,
        List<Class<? extends Annotation>> transforms,
        List<IndexKeySchema> indexKeys,
        List<String> present) {

    /**
     * The package of the mapping annotations: a constant, so that initializing this class (a
     * generated model's path too) loads no annotation type.
     */
    static final String ANNOTATION_PACKAGE = "dev.dynamorm.annotations";

    /**
     * The mapping of a generated field without annotations: no rename, converter, role, transform
     * or index key (most fields). Shared, as a {@code Mapping} is immutable and compared by
     * nothing.
     */
    static final Mapping PLAIN =
            new Mapping(
                    false, false, false, null, null, null, false, false, false, false, false,
                    List.of(), List.of(), List.of());

    /**
     * Whether this is the shared mapping of a plain generated field ({@link #PLAIN}), which no
     * check of roles, keys, transforms or indexes can refuse.
     */
    // by identity: PLAIN is one instance, and equals would compare every component
    @SuppressWarnings("ReferenceEquality")
    boolean plain() {
        return this == PLAIN;
    }

    /** The mapping a generated schema declares for one field. */
    static Mapping of(FieldSchema f) {
        // no Optional.map(..) here: a lambda spins a hidden class on this cold path
        Converter<?> converter = f.converter().orElse(null);
        String attribute = f.attribute().orElse(null);
        if (converter == null
                && attribute == null
                && !f.partitionKey()
                && !f.sortKey()
                && !f.version()
                && !f.createdAt()
                && !f.updatedAt()
                && !f.ttl()
                && !f.unique()
                && f.transforms().isEmpty()
                && f.indexKeys().isEmpty()) {
            return PLAIN; // one object less per field on the generated registration path
        }
        return new Mapping(
                false,
                f.partitionKey(),
                f.sortKey(),
                attribute,
                converter == null ? null : converter.getClass(),
                converter,
                f.version(),
                f.createdAt(),
                f.updatedAt(),
                f.ttl(),
                f.unique(),
                f.transforms(),
                f.indexKeys(),
                List.of());
    }

    /**
     * Whether a plugin transforms the field: it carries an annotation marked {@link
     * FieldTransform}, such as {@code @Encrypted}.
     */
    boolean encrypted() {
        return !transforms.isEmpty();
    }

    /** The field's transform annotations as written on it, e.g. {@code @Encrypted}. */
    String transformNames() {
        return String.join(", ", transforms.stream().map(a -> "@" + a.getSimpleName()).toList());
    }
}
