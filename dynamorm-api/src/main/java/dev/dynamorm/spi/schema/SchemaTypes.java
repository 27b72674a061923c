package dev.dynamorm.spi.schema;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds the generic types generated schemas declare, without reflection on the model. Its
 * instances are the parameterized types it builds: one class, not two, for the JVM to load while
 * the first model with a generic field registers.
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
        int expected = arity(raw);
        if (expected != arguments.length) {
            throw new IllegalArgumentException(
                    raw.getName()
                            + " takes "
                            + expected
                            + " type arguments, not "
                            + arguments.length);
        }
        return new SchemaTypes(raw, arguments.clone());
    }

    /**
     * The number of type parameters of a class. The containers generated schemas use most are
     * answered without {@link Class#getTypeParameters()}, whose first call in a JVM parses generic
     * signatures and loads a dozen reflection classes while the first model registers.
     */
    private static int arity(Class<?> raw) {
        if (raw == java.util.List.class
                || raw == java.util.Set.class
                || raw == java.util.Collection.class
                || raw == java.util.Optional.class) {
            return 1;
        }
        if (raw == java.util.Map.class) {
            return 2;
        }
        return raw.getTypeParameters().length;
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
