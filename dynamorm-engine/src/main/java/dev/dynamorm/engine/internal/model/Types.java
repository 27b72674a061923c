package dev.dynamorm.engine.internal.model;

import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Small helpers around {@link Type}s: raw classes, boxing, type-variable resolution. */
final class Types {

    private Types() {}

    /** The raw class of a type ({@code Object} when unknown). */
    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return raw(p.getRawType());
        }
        if (type instanceof GenericArrayType g) {
            return Array.newInstance(raw(g.getGenericComponentType()), 0).getClass();
        }
        if (type instanceof TypeVariable<?> v) {
            Type[] bounds = v.getBounds();
            return bounds.length == 0 ? Object.class : raw(bounds[0]);
        }
        if (type instanceof WildcardType w) {
            Type[] upper = w.getUpperBounds();
            return upper.length == 0 ? Object.class : raw(upper[0]);
        }
        return Object.class;
    }

    /** The wrapper class of a primitive, or the class itself. */
    static Class<?> wrap(Class<?> type) {
        return java.lang.invoke.MethodType.methodType(type).wrap().returnType();
    }

    /** The default value of a primitive type (0, false, '\0'), or null for reference types. */
    /** Boxes a widened integral value as the primitive type's own box. */
    static Object boxIntegral(Class<?> type, long value) {
        if (type == int.class) {
            return (int) value;
        }
        if (type == short.class) {
            return (short) value;
        }
        if (type == byte.class) {
            return (byte) value;
        }
        return value;
    }

    /**
     * The zero value of a primitive type, boxed; null for other types. Compared one by one rather
     * than read from a new array through reflection: it runs for every primitive field of every
     * model that registers (cold, interpreted code).
     */
    static Object primitiveDefault(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        if (type == char.class) {
            return '\0';
        }
        return null; // void
    }

    /**
     * Resolves the type variables of {@code type} declared by superclasses of {@code context}, as
     * bound by the {@code extends} clauses between them; variables that stay unbound become their
     * bound.
     */
    static Type resolve(Type type, Class<?> context) {
        if (!containsVariable(type)) {
            return type;
        }
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        for (Class<?> c = context; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.getGenericSuperclass() instanceof ParameterizedType p
                    && p.getRawType() instanceof Class<?> sup) {
                TypeVariable<?>[] vars = sup.getTypeParameters();
                Type[] args = p.getActualTypeArguments();
                for (int i = 0; i < vars.length && i < args.length; i++) {
                    bindings.put(vars[i], substitute(args[i], bindings, false));
                }
            }
        }
        return substitute(type, bindings, true);
    }

    private static boolean containsVariable(Type type) {
        if (type instanceof TypeVariable<?>) {
            return true;
        }
        if (type instanceof ParameterizedType p) {
            return Arrays.stream(p.getActualTypeArguments()).anyMatch(Types::containsVariable);
        }
        if (type instanceof GenericArrayType g) {
            return containsVariable(g.getGenericComponentType());
        }
        if (type instanceof WildcardType w) {
            return Arrays.stream(w.getUpperBounds()).anyMatch(Types::containsVariable)
                    || Arrays.stream(w.getLowerBounds()).anyMatch(Types::containsVariable);
        }
        return false;
    }

    private static Type substitute(
            Type type, Map<TypeVariable<?>, Type> bindings, boolean eraseUnbound) {
        if (type instanceof TypeVariable<?> v) {
            Type bound = bindings.get(v);
            if (bound != null) {
                return bound;
            }
            return eraseUnbound ? raw(v) : v;
        }
        if (type instanceof ParameterizedType p) {
            Type[] args = p.getActualTypeArguments();
            Type[] resolved = new Type[args.length];
            boolean changed = false;
            for (int i = 0; i < args.length; i++) {
                resolved[i] = substitute(args[i], bindings, eraseUnbound);
                changed |= resolved[i] != args[i];
            }
            return changed
                    ? new ResolvedParameterizedType(p.getRawType(), resolved, p.getOwnerType())
                    : p;
        }
        if (type instanceof GenericArrayType g) {
            Type component = substitute(g.getGenericComponentType(), bindings, eraseUnbound);
            if (component instanceof Class<?> c) {
                return Array.newInstance(c, 0).getClass();
            }
            return component == g.getGenericComponentType() ? g : new ResolvedArrayType(component);
        }
        return type;
    }

    /** A parameterized type equal to (and hashing like) the JDK's own implementation. */
    static final class ResolvedParameterizedType implements ParameterizedType {
        private final Type raw;
        private final Type[] args;
        private final Type owner;

        ResolvedParameterizedType(Type raw, Type[] args, Type owner) {
            this.raw = raw;
            this.args = args.clone();
            this.owner = owner;
        }

        @Override
        public Type[] getActualTypeArguments() {
            return args.clone();
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return owner;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ParameterizedType p
                    && Objects.equals(owner, p.getOwnerType())
                    && Objects.equals(raw, p.getRawType())
                    && Arrays.equals(args, p.getActualTypeArguments());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(args) ^ Objects.hashCode(owner) ^ Objects.hashCode(raw);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(raw.getTypeName());
            if (args.length > 0) {
                sb.append('<');
                for (int i = 0; i < args.length; i++) {
                    sb.append(i == 0 ? "" : ", ").append(args[i].getTypeName());
                }
                sb.append('>');
            }
            return sb.toString();
        }
    }

    /** A generic array type equal to (and hashing like) the JDK's own implementation. */
    static final class ResolvedArrayType implements GenericArrayType {
        private final Type component;

        ResolvedArrayType(Type component) {
            this.component = component;
        }

        @Override
        public Type getGenericComponentType() {
            return component;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof GenericArrayType g
                    && Objects.equals(component, g.getGenericComponentType());
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(component);
        }

        @Override
        public String toString() {
            return component.getTypeName() + "[]";
        }
    }
}
