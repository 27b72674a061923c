package dev.dynamorm.spi.schema;

import dev.dynamorm.Converter;
import dev.dynamorm.annotations.Encrypted;
import dev.dynamorm.annotations.FieldTransform;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One mapped field of a {@link ModelSchema}: its Java name and type and the mapping annotations
 * found on it. An immutable value built with {@link #builder(String, Type)}, or with {@link
 * #builder(String, Class, Class...)} for a parameterized type whose arguments are classes ({@code
 * List<String>}), whose {@link ParameterizedType} is then made only when {@link #type()} is first
 * asked: the engine registers such a field from its {@link #rawType()} and {@link
 * #classArguments()}, and most models never need the type object itself (nor the class that makes
 * it, {@link SchemaTypes}, loaded).
 */
public final class FieldSchema {

    private final String name;

    /**
     * The generic type; for a field started with its raw class and class arguments, null until
     * {@link #type()} makes it. Racy but safe: {@link SchemaTypes} has final fields only, and two
     * threads making it at once make equal types.
     */
    private @Nullable Type type;

    private final Class<?> rawType;
    private final List<Class<?>> classArguments;
    private final @Nullable String attribute;
    private final @Nullable Converter<?> converter;
    private final boolean partitionKey;
    private final boolean sortKey;
    private final boolean version;
    private final boolean createdAt;
    private final boolean updatedAt;
    private final boolean ttl;
    private final boolean unique;
    private final List<Class<? extends Annotation>> transforms;
    private final List<IndexKeySchema> indexKeys;

    private FieldSchema(Builder b) {
        this.name = b.name;
        this.type = b.type;
        this.rawType = b.rawType;
        this.classArguments = b.classArguments;
        this.attribute = b.attribute;
        this.converter = b.converter;
        this.partitionKey = b.partitionKey;
        this.sortKey = b.sortKey;
        this.version = b.version;
        this.createdAt = b.createdAt;
        this.updatedAt = b.updatedAt;
        this.ttl = b.ttl;
        this.unique = b.unique;
        this.transforms = b.transforms == null ? List.of() : List.copyOf(b.transforms);
        this.indexKeys = b.indexKeys == null ? List.of() : List.copyOf(b.indexKeys);
    }

    /**
     * Starts a field.
     *
     * @param name the Java field (or bean property) name
     * @param type the generic Java type; see {@link SchemaTypes} for parameterized types
     * @return a builder
     * @throws NullPointerException if an argument is null
     */
    public static Builder builder(String name, Type type) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        return new Builder(
                name, type, type instanceof Class<?> c ? c : SchemaTypes.erasure(type), List.of());
    }

    /**
     * Starts a field of a parameterized type whose type arguments are classes, such as {@code
     * List<String>}: {@code builder("tags", List.class, String.class)}. The same field as {@code
     * builder(name, SchemaTypes.parameterized(raw, arguments))}, but the {@link ParameterizedType}
     * is made only when {@link #type()} is first asked. A type argument that is itself
     * parameterized ({@code List<List<String>>}) needs {@link #builder(String, Type)} with {@link
     * SchemaTypes#parameterized}.
     *
     * @param name the Java field (or bean property) name
     * @param raw the raw class
     * @param arguments the type arguments
     * @return a builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the number of arguments does not match the class, as for
     *     {@link SchemaTypes#parameterized}
     */
    public static Builder builder(String name, Class<?> raw, Class<?>... arguments) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(raw, "raw");
        checkArity(raw, arguments.length);
        // List.of refuses null elements and copies the array
        return new Builder(name, arguments.length == 0 ? raw : null, raw, List.of(arguments));
    }

    /**
     * Refuses a number of type arguments that is not the class's number of type parameters. The
     * containers generated schemas use most are answered without {@link Class#getTypeParameters()},
     * whose first call in a JVM parses generic signatures and loads a dozen reflection classes
     * while the first model registers.
     */
    static void checkArity(Class<?> raw, int arguments) {
        int expected;
        if (raw == List.class
                || raw == java.util.Set.class
                || raw == java.util.Collection.class
                || raw == Optional.class) {
            expected = 1;
        } else if (raw == java.util.Map.class) {
            expected = 2;
        } else {
            expected = raw.getTypeParameters().length;
        }
        if (expected != arguments) {
            throw new IllegalArgumentException(
                    raw.getName() + " takes " + expected + " type arguments, not " + arguments);
        }
    }

    /**
     * The Java field (or bean property) name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The generic Java type; for a field started with {@link #builder(String, Class, Class...)},
     * made at the first call (equal, not always identical, across threads).
     *
     * @return the type
     */
    public Type type() {
        Type t = type;
        if (t == null) {
            t = SchemaTypes.parameterized(rawType, classArguments.toArray(new Class<?>[0]));
            type = t;
        }
        return t;
    }

    /**
     * The class the type erases to ({@code List} for {@code List<String>}), without making the
     * type.
     *
     * @return the raw class
     */
    public Class<?> rawType() {
        return rawType;
    }

    /**
     * The type arguments given to {@link #builder(String, Class, Class...)}: the type is then
     * {@link #rawType()} parameterized by these, made only when {@link #type()} is asked. Empty for
     * a field started with {@link #builder(String, Type)}, whose type is at hand.
     *
     * @return the class arguments, in order
     */
    public List<Class<?>> classArguments() {
        return classArguments;
    }

    /**
     * The attribute name given by {@code @Attribute}.
     *
     * @return the name, or empty when the naming convention applies
     */
    public Optional<String> attribute() {
        return Optional.ofNullable(attribute);
    }

    /**
     * The converter given by {@code @Convert}, created once with {@code new}.
     *
     * @return the converter, or empty when the engine's converters apply
     */
    public Optional<Converter<?>> converter() {
        return Optional.ofNullable(converter);
    }

    /**
     * Whether the field carries {@code @PartitionKey}.
     *
     * @return true for the partition key
     */
    public boolean partitionKey() {
        return partitionKey;
    }

    /**
     * Whether the field carries {@code @SortKey}.
     *
     * @return true for the sort key
     */
    public boolean sortKey() {
        return sortKey;
    }

    /**
     * Whether the field carries {@code @Version}.
     *
     * @return true for the version field
     */
    public boolean version() {
        return version;
    }

    /**
     * Whether the field carries {@code @CreatedAt}.
     *
     * @return true for the creation timestamp
     */
    public boolean createdAt() {
        return createdAt;
    }

    /**
     * Whether the field carries {@code @UpdatedAt}.
     *
     * @return true for the update timestamp
     */
    public boolean updatedAt() {
        return updatedAt;
    }

    /**
     * Whether the field carries {@code @Ttl}.
     *
     * @return true for the time-to-live field
     */
    public boolean ttl() {
        return ttl;
    }

    /**
     * Whether the field carries {@code @Unique}.
     *
     * @return true for a field whose value at most one item may hold
     */
    public boolean unique() {
        return unique;
    }

    /**
     * Whether the field carries {@code @Encrypted}.
     *
     * @return true for an encrypted field
     */
    public boolean encrypted() {
        return transforms.contains(Encrypted.class);
    }

    /**
     * The annotations marked {@link FieldTransform} that the field carries ({@code @Encrypted} or a
     * plugin's own), in declaration order: a plugin transforms its stored value.
     *
     * @return the transform annotations, empty when the value is stored as converted
     */
    public List<Class<? extends Annotation>> transforms() {
        return transforms;
    }

    /**
     * The {@code @IndexKey} annotations of the field, in declaration order.
     *
     * @return the index keys
     */
    public List<IndexKeySchema> indexKeys() {
        return indexKeys;
    }

    @Override
    public String toString() {
        return "FieldSchema[" + name + " " + type().getTypeName() + "]";
    }

    /** Builds a {@link FieldSchema}. Not thread-safe. */
    public static final class Builder {
        private final String name;

        // the type (null until asked when started with classes: see FieldSchema#type)
        private final @Nullable Type type;
        private final Class<?> rawType;
        private final List<Class<?>> classArguments;
        private @Nullable String attribute;
        private @Nullable Converter<?> converter;
        private boolean partitionKey;
        private boolean sortKey;
        private boolean version;
        private boolean createdAt;
        private boolean updatedAt;
        private boolean ttl;
        private boolean unique;
        // created by the first transform or index key: most fields have neither, and a generated
        // schema builds every field's schema when it is first used (cold code)
        private @Nullable List<Class<? extends Annotation>> transforms;
        private @Nullable List<IndexKeySchema> indexKeys;

        private Builder(
                String name, @Nullable Type type, Class<?> rawType, List<Class<?>> classArguments) {
            this.name = name;
            this.type = type;
            this.rawType = rawType;
            this.classArguments = classArguments;
        }

        /**
         * Sets the {@code @Attribute} name.
         *
         * @param attribute the attribute name
         * @return this builder
         */
        public Builder attribute(String attribute) {
            this.attribute = Objects.requireNonNull(attribute, "attribute");
            return this;
        }

        /**
         * Sets the {@code @Convert} converter.
         *
         * @param converter the converter instance
         * @return this builder
         */
        public Builder converter(Converter<?> converter) {
            this.converter = Objects.requireNonNull(converter, "converter");
            return this;
        }

        /**
         * Marks the field {@code @PartitionKey}.
         *
         * @return this builder
         */
        public Builder partitionKey() {
            this.partitionKey = true;
            return this;
        }

        /**
         * Marks the field {@code @SortKey}.
         *
         * @return this builder
         */
        public Builder sortKey() {
            this.sortKey = true;
            return this;
        }

        /**
         * Marks the field {@code @Version}.
         *
         * @return this builder
         */
        public Builder version() {
            this.version = true;
            return this;
        }

        /**
         * Marks the field {@code @CreatedAt}.
         *
         * @return this builder
         */
        public Builder createdAt() {
            this.createdAt = true;
            return this;
        }

        /**
         * Marks the field {@code @UpdatedAt}.
         *
         * @return this builder
         */
        public Builder updatedAt() {
            this.updatedAt = true;
            return this;
        }

        /**
         * Marks the field {@code @Ttl}.
         *
         * @return this builder
         */
        public Builder ttl() {
            this.ttl = true;
            return this;
        }

        /**
         * Marks the field {@code @Unique}.
         *
         * @return this builder
         */
        public Builder unique() {
            this.unique = true;
            return this;
        }

        /**
         * Marks the field {@code @Encrypted}; the same as {@code transform(Encrypted.class)}.
         *
         * @return this builder
         */
        public Builder encrypted() {
            return transform(Encrypted.class);
        }

        /**
         * Adds an annotation marked {@link FieldTransform} that the field carries, such as
         * {@code @Encrypted} or a plugin's own; each is kept once.
         *
         * <p>Not checked here (reading the meta-annotation by reflection would slow registration):
         * the processor writes only annotations marked {@link FieldTransform}.
         *
         * @param annotation the annotation type
         * @return this builder
         */
        public Builder transform(Class<? extends Annotation> annotation) {
            Objects.requireNonNull(annotation, "annotation");
            if (transforms == null) {
                transforms = new ArrayList<>(1);
            }
            if (!transforms.contains(annotation)) {
                transforms.add(annotation);
            }
            return this;
        }

        /**
         * Adds an {@code @IndexKey}.
         *
         * @param key the index key
         * @return this builder
         */
        public Builder indexKey(IndexKeySchema key) {
            Objects.requireNonNull(key, "key");
            if (indexKeys == null) {
                indexKeys = new ArrayList<>(2);
            }
            indexKeys.add(key);
            return this;
        }

        /**
         * Builds the field.
         *
         * @return the field schema
         */
        public FieldSchema build() {
            return new FieldSchema(this);
        }
    }
}
