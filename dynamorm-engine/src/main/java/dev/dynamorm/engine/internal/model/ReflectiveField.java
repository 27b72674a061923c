package dev.dynamorm.engine.internal.model;

import dev.dynamorm.Converter;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.internal.PlainText;
import dev.dynamorm.spi.schema.BooleanCodec;
import dev.dynamorm.spi.schema.DoubleCodec;
import dev.dynamorm.spi.schema.FieldSchema;
import dev.dynamorm.spi.schema.FloatCodec;
import dev.dynamorm.spi.schema.LongCodec;
import dev.dynamorm.spi.schema.PlainCodec;
import dev.dynamorm.spi.schema.StringCodec;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A mapped field found by reflection, with its converter and fast accessors. Immutable. */
final class ReflectiveField implements FieldMetadata {

    /** The roles of a field, as read from its annotations. */
    record Roles(
            boolean partitionKey,
            boolean sortKey,
            boolean version,
            boolean createdAt,
            boolean updatedAt,
            boolean ttl,
            List<Class<? extends Annotation>> transforms,
            boolean unique) {

        /** The roles of a field that holds none (most fields): shared, as it is immutable. */
        static final Roles NONE =
                new Roles(false, false, false, false, false, false, List.of(), false);

        /** Whether a plugin transforms the field (an annotation marked {@code FieldTransform}). */
        boolean encrypted() {
            return !transforms.isEmpty();
        }
    }

    private final Class<?> modelType;
    private final String name;
    private final String attributeName;
    private final Class<?> rawType;

    /** The generic type; null for a generated field: see {@link #genericType()}. */
    private final Type genericType;

    /**
     * A generated field's schema, which makes the field's generic type when it is first asked
     * (registering and converting never ask it; paths into lists and maps, and some errors, do);
     * null for a field found by reflection.
     */
    private final FieldSchema schema;

    private final Converter<Object> converter;
    private final Function<Object, Object> getter;

    /** The setter of a bean property; null for record components. */
    private final BiConsumer<Object, Object> setter;

    private final Object primitiveDefault;
    private final Roles roles;

    /** The converter's unboxed paths, used when the field is primitive; else null. */
    private final LongCodec longCodec;

    private final DoubleCodec doubleCodec;
    private final FloatCodec floatCodec;
    private final BooleanCodec booleanCodec;
    private final StringCodec stringCodec;

    /**
     * The {@link BuiltInDefault} kind when the converter is such a stand-in (its values are then
     * read and written there, the real converter taking only what that leaves); else {@code
     * BuiltInDefault.NONE}.
     */
    private final int builtIn;

    /**
     * For a {@code Map<String, V>} field whose values paths reach ({@code map.key}): the converter
     * of V; else null.
     */
    private final Converter<Object> mapValueConverter;

    /**
     * The values of a map field by key, created at the first path into the map rather than when the
     * model registers (a class to load). Racy but safe: immutable, and any copy answers the same.
     */
    private MapValues mapValues;

    /**
     * A field.
     *
     * @param rawType the class of its type
     * @param genericType its generic type, or null for a generated field
     * @param schema a generated field's schema (which makes its generic type), or null
     */
    ReflectiveField(
            Class<?> modelType,
            String name,
            String attributeName,
            Class<?> rawType,
            Type genericType,
            FieldSchema schema,
            Converter<Object> converter,
            Function<Object, Object> getter,
            BiConsumer<Object, Object> setter,
            Roles roles,
            Converter<Object> mapValueConverter) {
        this.mapValueConverter = mapValueConverter;
        this.modelType = modelType;
        this.name = name;
        this.attributeName = attributeName;
        this.rawType = rawType;
        this.genericType = genericType;
        this.schema = schema;
        this.converter = converter;
        this.getter = getter;
        this.setter = setter;
        this.primitiveDefault = Types.primitiveDefault(rawType);
        this.roles = roles;
        // a stand-in is no codec: no instanceof test against the codec interfaces, which would
        // load them while the first model registers
        this.builtIn = converter instanceof BuiltInDefault d ? d.kind() : BuiltInDefault.NONE;
        boolean codecs = builtIn == BuiltInDefault.NONE;
        boolean integral =
                rawType == long.class
                        || rawType == int.class
                        || rawType == short.class
                        || rawType == byte.class;
        this.longCodec = codecs && integral && converter instanceof LongCodec c ? c : null;
        this.doubleCodec =
                codecs && rawType == double.class && converter instanceof DoubleCodec c ? c : null;
        this.floatCodec =
                codecs && rawType == float.class && converter instanceof FloatCodec c ? c : null;
        this.stringCodec =
                codecs && rawType == String.class && converter instanceof StringCodec c ? c : null;
        this.booleanCodec =
                codecs && rawType == boolean.class && converter instanceof BooleanCodec c
                        ? c
                        : null;
    }

    /**
     * Whether generated code may read the field's present attribute of its own type itself (see
     * {@link dev.dynamorm.spi.schema.PlainReads}): a {@code String}, {@code long}, {@code int} or
     * {@code boolean} field whose converter is a plain codec or stands in for the built-in one.
     */
    boolean plain() {
        if (rawType == String.class) {
            return builtIn == BuiltInDefault.STRING || stringCodec instanceof PlainCodec;
        }
        if (rawType == long.class || rawType == int.class) {
            return builtIn == BuiltInDefault.LONG
                    || builtIn == BuiltInDefault.INT
                    || longCodec instanceof PlainCodec;
        }
        return rawType == boolean.class
                && (builtIn == BuiltInDefault.BOOLEAN || booleanCodec instanceof PlainCodec);
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * The converter's unboxed path of the field's type (a {@code StringCodec}, {@code LongCodec},
     * {@code BooleanCodec} or {@code DoubleCodec}), or null; as an {@code Object}, so that a caller
     * holding it loads no codec interface.
     */
    Object codec() {
        if (stringCodec != null) {
            return stringCodec;
        }
        if (longCodec != null) {
            return longCodec;
        }
        return booleanCodec != null ? booleanCodec : doubleCodec;
    }

    @Override
    public String attributeName() {
        return attributeName;
    }

    /** The generic type; a generated field's schema makes it at the first call. */
    @Override
    public Type genericType() {
        return schema != null ? schema.type() : genericType;
    }

    @Override
    public Class<?> rawType() {
        return rawType;
    }

    @Override
    public Class<?> listElementClass() {
        List<Class<?>> arguments = classArguments();
        if (arguments.isEmpty()) {
            return FieldMetadata.super.listElementClass();
        }
        // a generated field of class arguments: answered without making its generic type
        return List.class.isAssignableFrom(rawType) && arguments.size() == 1
                ? arguments.get(0)
                : null;
    }

    /**
     * The converter: for a field of a common type without a converter of the user's, a {@link
     * BuiltInDefault} that converts like the built-in converter and loads it at its first need.
     */
    @Override
    public Converter<Object> converter() {
        return converter;
    }

    @Override
    public Object get(Object instance) {
        return getter.apply(instance);
    }

    /** Sets a bean property; only for beans. */
    void set(Object instance, Object value) {
        setter.accept(instance, value);
    }

    /** The getter function (exposed for tests of the accessor strategy). */
    Function<Object, Object> getter() {
        return getter;
    }

    /** The setter function, or null for record components (exposed for tests). */
    BiConsumer<Object, Object> setter() {
        return setter;
    }

    @Override
    public AttributeValue toAttributeValue(Object value) {
        return toAttributeValue(value, null);
    }

    @Override
    public AttributeValue toAttributeValue(Object value, Operation operation) {
        if (value == null) {
            return null;
        }
        try {
            return converter.toAttributeValue(value);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw writeFailure(e, operation);
        }
    }

    private InvalidRequestException writeFailure(RuntimeException e, Operation operation) {
        InvalidRequestException ex =
                new InvalidRequestException(
                        String.format(
                                Locale.ROOT,
                                "cannot convert field '%s' (attribute '%s') of model %s: %s",
                                name,
                                attributeName,
                                modelType.getName(),
                                reason(e)),
                        operation,
                        modelType,
                        null);
        ex.addSuppressed(e);
        return ex;
    }

    InvalidRequestException readFailure(RuntimeException e, Operation operation) {
        InvalidRequestException ex =
                new InvalidRequestException(
                        String.format(
                                Locale.ROOT,
                                "cannot read attribute '%s' into field '%s' of model %s: %s",
                                attributeName,
                                name,
                                modelType.getName(),
                                reason(e)),
                        operation,
                        modelType,
                        null);
        ex.addSuppressed(e);
        return ex;
    }

    /** Converts a value of a {@code String} field, directly when the converter allows it. */
    AttributeValue encodeString(String value, Operation operation) {
        if (builtIn == BuiltInDefault.STRING && value != null) {
            AttributeValue plain = BuiltInDefault.writeString(value);
            if (plain != null) {
                return plain;
            }
        }
        if (stringCodec == null || value == null) {
            return toAttributeValue(value, operation);
        }
        try {
            return stringCodec.encodeString(value);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw writeFailure(e, operation);
        }
    }

    /** Reads a {@code String} field, directly when the converter allows it. */
    String decodeString(AttributeValue value, Operation operation) {
        if (builtIn == BuiltInDefault.STRING
                && value != null
                && value.type() == AttributeValue.Type.S) {
            return value.s();
        }
        if (stringCodec == null || value == null || Boolean.TRUE.equals(value.nul())) {
            return (String) fromAttributeValue(value, operation);
        }
        try {
            return stringCodec.decodeString(value);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw readFailure(e, operation);
        }
    }

    /** Converts a value of an integral primitive field, unboxed when the converter allows it. */
    AttributeValue encodeLong(long value, Operation operation) {
        if (builtIn == BuiltInDefault.LONG || builtIn == BuiltInDefault.INT) {
            return BuiltInDefault.writeLong(value);
        }
        if (longCodec == null) {
            return toAttributeValue(Types.boxIntegral(rawType, value), operation);
        }
        try {
            return longCodec.encodeLong(value);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw writeFailure(e, operation);
        }
    }

    /** Converts a value of a {@code double} field, unboxed when the converter allows it. */
    AttributeValue encodeDouble(double value, Operation operation) {
        if (builtIn == BuiltInDefault.DOUBLE) {
            AttributeValue plain = BuiltInDefault.writeDouble(value);
            if (plain != null) {
                return plain;
            }
        }
        if (doubleCodec == null) {
            return toAttributeValue(value, operation);
        }
        try {
            return doubleCodec.encodeDouble(value);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw writeFailure(e, operation);
        }
    }

    /** Converts a value of a {@code float} field, unboxed when the converter allows it. */
    AttributeValue encodeFloat(float value, Operation operation) {
        if (floatCodec == null) {
            return toAttributeValue(value, operation);
        }
        try {
            return floatCodec.encodeFloat(value);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw writeFailure(e, operation);
        }
    }

    /** Converts a value of a {@code boolean} field, unboxed when the converter allows it. */
    AttributeValue encodeBoolean(boolean value, Operation operation) {
        if (builtIn == BuiltInDefault.BOOLEAN) {
            return BuiltInDefault.writeBoolean(value);
        }
        if (booleanCodec == null) {
            return toAttributeValue(value, operation);
        }
        try {
            return booleanCodec.encodeBoolean(value);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw writeFailure(e, operation);
        }
    }

    /** Reads an integral primitive field, unboxed when the converter allows it. */
    long decodeLong(AttributeValue value, Operation operation) {
        if ((builtIn == BuiltInDefault.LONG || builtIn == BuiltInDefault.INT)
                && value != null
                && value.type() == AttributeValue.Type.N) {
            long v = PlainText.decimal(value.n(), builtIn == BuiltInDefault.LONG ? 18 : 9);
            if (v != PlainText.NOT_SHORT) {
                return v;
            }
        }
        if (longCodec == null || value == null || Boolean.TRUE.equals(value.nul())) {
            return ((Number) fromAttributeValue(value, operation)).longValue();
        }
        try {
            return longCodec.decodeLong(value);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw readFailure(e, operation);
        }
    }

    /** Reads a {@code double} field, unboxed when the converter allows it. */
    double decodeDouble(AttributeValue value, Operation operation) {
        if (builtIn == BuiltInDefault.DOUBLE
                && value != null
                && value.type() == AttributeValue.Type.N
                && PlainText.isShortPlainDecimal(value.n())) {
            return Double.parseDouble(value.n());
        }
        if (doubleCodec == null || value == null || Boolean.TRUE.equals(value.nul())) {
            return ((Number) fromAttributeValue(value, operation)).doubleValue();
        }
        try {
            return doubleCodec.decodeDouble(value);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw readFailure(e, operation);
        }
    }

    /** Reads a {@code float} field, unboxed when the converter allows it. */
    float decodeFloat(AttributeValue value, Operation operation) {
        if (floatCodec == null || value == null || Boolean.TRUE.equals(value.nul())) {
            return ((Number) fromAttributeValue(value, operation)).floatValue();
        }
        try {
            return floatCodec.decodeFloat(value);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw readFailure(e, operation);
        }
    }

    /** Reads a {@code boolean} field, unboxed when the converter allows it. */
    boolean decodeBoolean(AttributeValue value, Operation operation) {
        if (builtIn == BuiltInDefault.BOOLEAN
                && value != null
                && value.type() == AttributeValue.Type.BOOL) {
            return value.bool();
        }
        if (booleanCodec == null || value == null || Boolean.TRUE.equals(value.nul())) {
            return (Boolean) fromAttributeValue(value, operation);
        }
        try {
            return booleanCodec.decodeBoolean(value);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw readFailure(e, operation);
        }
    }

    @Override
    public Object fromAttributeValue(AttributeValue value) {
        return fromAttributeValue(value, null);
    }

    @Override
    public Object fromAttributeValue(AttributeValue value, Operation operation) {
        Object result;
        if (value == null || Boolean.TRUE.equals(value.nul())) {
            result = converter.absentValue();
        } else {
            try {
                result = converter.fromAttributeValue(value);
            } catch (IllegalArgumentException | ClassCastException e) {
                throw readFailure(e, operation);
            }
        }
        return result == null ? primitiveDefault : result;
    }

    private static String reason(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public Optional<ModelMetadata<?>> nestedModel() {
        if (converter instanceof ReflectiveModel<?> n) {
            return Optional.of(n);
        }
        if (mapValueConverter == null) {
            return Optional.empty();
        }
        MapValues values = mapValues;
        if (values == null) {
            values = new MapValues(modelType, name, mapValueType(), mapValueConverter);
            mapValues = values;
        }
        return Optional.of(values);
    }

    /** The class arguments a generated field was declared with; none for a reflected field. */
    private List<Class<?>> classArguments() {
        return schema != null ? schema.classArguments() : List.of();
    }

    /**
     * The value type of this {@code Map<String, V>} field; a generated field of class arguments
     * answers without making its generic type.
     */
    private Type mapValueType() {
        List<Class<?>> arguments = classArguments();
        return arguments.size() == 2
                ? arguments.get(1)
                : ((ParameterizedType) genericType()).getActualTypeArguments()[1];
    }

    @Override
    public boolean isPartitionKey() {
        return roles.partitionKey();
    }

    @Override
    public boolean isSortKey() {
        return roles.sortKey();
    }

    @Override
    public boolean isVersion() {
        return roles.version();
    }

    @Override
    public boolean isCreatedAt() {
        return roles.createdAt();
    }

    @Override
    public boolean isUpdatedAt() {
        return roles.updatedAt();
    }

    @Override
    public boolean isTtl() {
        return roles.ttl();
    }

    @Override
    public boolean isUnique() {
        return roles.unique();
    }

    @Override
    public boolean isEncrypted() {
        return roles.encrypted();
    }

    @Override
    public List<Class<? extends Annotation>> transforms() {
        return roles.transforms();
    }

    @Override
    public String toString() {
        return modelType.getSimpleName()
                + "."
                + name
                + " -> "
                + attributeName
                + " ("
                + genericType().getTypeName()
                + ")";
    }
}
