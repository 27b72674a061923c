package dev.dynamorm.spi.schema;

import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds the generic types generated schemas declare, without reflection on the model. Its
 * instances are the parameterized types it builds: one class, not two, for the JVM to load. A field
 * of a parameterized type whose arguments are classes ({@code List<String>}) needs none: {@link
 * FieldSchema#builder(String, Class, Class...)} makes its type only when asked.
 */
public final class SchemaTypes implements ParameterizedType {

    private final Class<?> raw;

    // never escapes (clone in, clone out); equals/hashCode compare its contents
    private final Type[] arguments;

    private SchemaTypes(Class<?> raw, Type[] arguments) {
        this.raw = raw;
        this.arguments = arguments;
    }

    /**
     * A parameterized type such as {@code List<String>}, equal to the JDK's own representation of
     * the same type.
     *
     * @param raw the raw class
     * @param arguments the type arguments
     * @return the parameterized type
     * @throws IllegalArgumentException if the number of arguments does not match the class
     */
    public static ParameterizedType parameterized(Class<?> raw, Type... arguments) {
        Objects.requireNonNull(raw, "raw");
        FieldSchema.checkArity(raw, arguments.length);
        return new SchemaTypes(raw, arguments.clone());
    }

    /** The class a type erases to: {@link FieldSchema#rawType()} of a type not a class. */
    static Class<?> erasure(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return erasure(p.getRawType());
        }
        if (t instanceof GenericArrayType g) {
            return Array.newInstance(erasure(g.getGenericComponentType()), 0).getClass();
        }
        if (t instanceof TypeVariable<?> v) {
            Type[] bounds = v.getBounds();
            return bounds.length == 0 ? Object.class : erasure(bounds[0]);
        }
        if (t instanceof WildcardType w) {
            Type[] upper = w.getUpperBounds();
            return upper.length == 0 ? Object.class : erasure(upper[0]);
        }
        return Object.class;
    }

    @Override
    public Type[] getActualTypeArguments() {
        return arguments.clone();
    }

    @Override
    public Type getRawType() {
        return raw;
    }

    @Override
    public @Nullable Type getOwnerType() {
        return raw.getDeclaringClass();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterizedType p
                && raw.equals(p.getRawType())
                && Objects.equals(getOwnerType(), p.getOwnerType())
                && Arrays.equals(arguments, p.getActualTypeArguments());
    }

    @Override
    public int hashCode() {
        // the JDK's formula, so that both representations mix in hash maps
        return Arrays.hashCode(arguments) ^ Objects.hashCode(getOwnerType()) ^ raw.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(raw.getName()).append('<');
        for (int i = 0; i < arguments.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(arguments[i].getTypeName());
        }
        return sb.append('>').toString();
    }
}
