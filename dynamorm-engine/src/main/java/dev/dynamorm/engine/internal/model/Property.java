package dev.dynamorm.engine.internal.model;

import dev.dynamorm.Converter;
import dev.dynamorm.spi.schema.FieldSchema;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.List;

/**
 * A Java property before validation: a record component or JavaBean property that {@link
 * Introspector} finds, or a field a generated schema declares.
 */
final class Property {
    final String name;

    /** The class of the type. */
    final Class<?> rawType;

    /**
     * The generic type found by reflection; null for a generated field (see {@link
     * #genericType()}).
     */
    final Type reflectedType;

    /**
     * A generated field's schema, which makes the field's generic type when it is first asked (most
     * generated fields never need it); null for a property found by reflection.
     */
    final FieldSchema schema;

    final List<AnnotatedElement> sources;

    /** Records: the accessor. Beans: the getter, or null to read the field. */
    final Method getter;

    /** Beans: the setter, or null to write the field. */
    final Method setter;

    /** Beans: the field, or null for computed properties. */
    final Field field;

    // set once the builder has validated the property (see map): a mapped property carries its
    // mapping itself rather than in a holder object, one class and one object per field less

    /** Its mapping annotations; null until mapped. */
    Mapping mapping;

    String attributeName;
    Converter<Object> converter;

    /** Its index among the model's properties (a generated schema's field index). */
    int slot;

    Property(
            String name,
            Type genericType,
            List<AnnotatedElement> sources,
            Method getter,
            Method setter,
            Field field) {
        this.name = name;
        this.rawType = Types.raw(genericType);
        this.reflectedType = genericType;
        this.schema = null;
        this.sources = sources;
        this.getter = getter;
        this.setter = setter;
        this.field = field;
    }

    /** A generated schema's field as a property (no annotations, no reflection). */
    private Property(FieldSchema schema) {
        this.name = schema.name();
        this.rawType = schema.rawType();
        this.reflectedType = null;
        this.schema = schema;
        this.sources = List.of();
        this.getter = null;
        this.setter = null;
        this.field = null;
    }

    /** The generic type; a generated field's schema makes it at the first call. */
    Type genericType() {
        return schema != null ? schema.type() : reflectedType;
    }

    /**
     * The {@link BuiltInDefault} kind of the type, found from a generated field's raw class and
     * type arguments without making its generic type.
     */
    int builtInKind() {
        if (schema == null) {
            return BuiltInDefault.kindOf(reflectedType);
        }
        List<Class<?>> arguments = schema.classArguments();
        return arguments.isEmpty()
                ? BuiltInDefault.kindOf(schema.type()) // a class, or a type given as such
                : BuiltInDefault.kindOf(rawType, arguments);
    }

    /** Marks the property mapped: validated, with its attribute and converter. */
    void map(Mapping mapping, String attributeName, Converter<Object> converter, int slot) {
        this.mapping = mapping;
        this.attributeName = attributeName;
        this.converter = converter;
        this.slot = slot;
    }

    String name() {
        return name;
    }

    String attributeName() {
        return attributeName;
    }

    Converter<Object> converter() {
        return converter;
    }

    /** A generated schema's field as a property (no annotations, no reflection). */
    static Property of(FieldSchema f) {
        return new Property(f);
    }
}
