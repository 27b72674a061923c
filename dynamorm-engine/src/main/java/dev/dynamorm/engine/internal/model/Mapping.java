package dev.dynamorm.engine.internal.model;

import dev.dynamorm.Converter;
import dev.dynamorm.annotations.Attribute;
import dev.dynamorm.annotations.Convert;
import dev.dynamorm.annotations.CreatedAt;
import dev.dynamorm.annotations.FieldTransform;
import dev.dynamorm.annotations.Ignore;
import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.annotations.Ttl;
import dev.dynamorm.annotations.Unique;
import dev.dynamorm.annotations.UpdatedAt;
import dev.dynamorm.annotations.Version;
import dev.dynamorm.spi.schema.FieldSchema;
import dev.dynamorm.spi.schema.IndexKeySchema;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

    static Mapping read(List<AnnotatedElement> sources) {
        Set<IndexKey> indexKeys = new LinkedHashSet<>();
        Set<String> present = new LinkedHashSet<>();
        for (AnnotatedElement source : sources) {
            indexKeys.addAll(Arrays.asList(source.getAnnotationsByType(IndexKey.class)));
            for (Annotation a : source.getAnnotations()) {
                if (a.annotationType().getPackageName().equals(ANNOTATION_PACKAGE)) {
                    present.add(
                            "@"
                                    + (a.annotationType()
                                                    == dev.dynamorm.annotations.IndexKeys.class
                                            ? IndexKey.class.getSimpleName()
                                            : a.annotationType().getSimpleName()));
                }
            }
        }
        Attribute attribute = first(sources, Attribute.class);
        Convert convert = first(sources, Convert.class);
        return new Mapping(
                has(sources, Ignore.class),
                has(sources, PartitionKey.class),
                has(sources, SortKey.class),
                attribute == null ? null : attribute.value(),
                convert == null ? null : convert.value(),
                null,
                has(sources, Version.class),
                has(sources, CreatedAt.class),
                has(sources, UpdatedAt.class),
                has(sources, Ttl.class),
                has(sources, Unique.class),
                transforms(sources),
                indexKeys.stream()
                        .map(
                                k ->
                                        new IndexKeySchema(
                                                k.index(),
                                                k.type(),
                                                k.role(),
                                                k.projection(),
                                                List.of(k.include()),
                                                k.order()))
                        .toList(),
                List.copyOf(present));
    }

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

    /** The annotations marked {@link FieldTransform} on any of the sources, once each. */
    private static List<Class<? extends Annotation>> transforms(List<AnnotatedElement> sources) {
        Set<Class<? extends Annotation>> out = new LinkedHashSet<>();
        for (AnnotatedElement source : sources) {
            for (Annotation a : source.getAnnotations()) {
                if (a.annotationType().isAnnotationPresent(FieldTransform.class)) {
                    out.add(a.annotationType());
                }
            }
        }
        return List.copyOf(out);
    }

    private static boolean has(List<AnnotatedElement> sources, Class<? extends Annotation> a) {
        return first(sources, a) != null;
    }

    private static <A extends Annotation> A first(List<AnnotatedElement> sources, Class<A> a) {
        for (AnnotatedElement source : sources) {
            A found = source.getAnnotation(a);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
