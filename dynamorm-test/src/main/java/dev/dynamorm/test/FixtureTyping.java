package dev.dynamorm.test;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkBytes;

/**
 * Builds model instances from fixture nodes: records through their canonical constructor, beans
 * through their public no-argument constructor and setters (or fields), every value converted to
 * the declared Java type. Mismatches fail with the file, line and column of the value.
 */
final class FixtureTyping {

    private static final List<String> FACTORY_NAMES =
            List.of("parse", "valueOf", "of", "fromString");

    private final String file;

    FixtureTyping(String file) {
        this.file = file;
    }

    private FixtureException error(FixtureNode at, String problem) {
        return new FixtureException(file, at.line(), at.column(), problem);
    }

    private FixtureException error(FixtureNode.Entry at, String problem) {
        return new FixtureException(file, at.line(), at.column(), problem);
    }

    /** An instance of a record or bean built from an object node. */
    Object instantiate(Class<?> type, FixtureNode node, String where) {
        if (node.kind() != FixtureNode.Kind.OBJECT) {
            throw error(
                    node,
                    where
                            + " must be an object of "
                            + type.getSimpleName()
                            + "'s fields, got "
                            + node.describe());
        }
        if (type.isRecord()) {
            return record(type, node);
        }
        return bean(type, node);
    }

    private Object record(Class<?> type, FixtureNode node) {
        RecordComponent[] components = type.getRecordComponents();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < components.length; i++) {
            index.put(components[i].getName(), i);
        }
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = absent(components[i].getType());
        }
        for (FixtureNode.Entry entry : node.entries().values()) {
            Integer i = index.get(entry.key());
            if (i == null) {
                throw unknownField(type, entry, index.keySet());
            }
            args[i] =
                    convert(
                            components[i].getGenericType(),
                            entry.value(),
                            fieldName(type, entry.key()));
        }
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new FixtureException(
                    file,
                    node.line(),
                    node.column(),
                    "the constructor of "
                            + type.getSimpleName()
                            + " refused this item: "
                            + e.getCause(),
                    e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new FixtureException(file, node.line(), node.column(), cannotCreate(type, e), e);
        }
    }

    private Object bean(Class<?> type, FixtureNode node) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || type.isEnum()) {
            throw error(
                    node,
                    "cannot create a "
                            + type.getSimpleName()
                            + " from an object: fixtures build records and JavaBeans with a no-argument constructor");
        }
        Object instance;
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            instance = constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw error(
                    node,
                    "cannot create a "
                            + type.getSimpleName()
                            + ": fixtures build records and JavaBeans, which need a no-argument constructor");
        } catch (InvocationTargetException e) {
            throw new FixtureException(
                    file,
                    node.line(),
                    node.column(),
                    "the constructor of " + type.getSimpleName() + " failed: " + e.getCause(),
                    e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new FixtureException(file, node.line(), node.column(), cannotCreate(type, e), e);
        }
        Map<String, BeanProperty> properties = beanProperties(type);
        for (FixtureNode.Entry entry : node.entries().values()) {
            BeanProperty property = properties.get(entry.key());
            if (property == null) {
                throw unknownField(type, entry, properties.keySet());
            }
            Object value = convert(property.type(), entry.value(), fieldName(type, entry.key()));
            if (value == null && property.rawType().isPrimitive()) {
                continue;
            }
            try {
                if (property.setter() != null) {
                    property.setter().setAccessible(true);
                    property.setter().invoke(instance, value);
                } else {
                    property.field().setAccessible(true);
                    property.field().set(instance, value);
                }
            } catch (InvocationTargetException e) {
                throw new FixtureException(
                        file,
                        entry.line(),
                        entry.column(),
                        "the setter of "
                                + fieldName(type, entry.key())
                                + " refused the value: "
                                + e.getCause(),
                        e.getCause());
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new FixtureException(
                        file, entry.line(), entry.column(), cannotCreate(type, e), e);
            }
        }
        return instance;
    }

    private static String cannotCreate(Class<?> type, Throwable e) {
        return "cannot create "
                + type.getName()
                + " reflectively ("
                + e
                + "); on the module path, open its package to dev.dynamorm.test";
    }

    /** A settable property of a bean: a non-static, non-transient field or a setter. */
    private record BeanProperty(Type type, Class<?> rawType, Method setter, Field field) {}

    private static Map<String, BeanProperty> beanProperties(Class<?> type) {
        Deque<Class<?>> hierarchy = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.addFirst(c);
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Class<?> c : hierarchy) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (!Modifier.isStatic(m) && !Modifier.isTransient(m) && !f.isSynthetic()) {
                    fields.put(f.getName(), f);
                }
            }
        }
        Map<String, BeanProperty> out = new LinkedHashMap<>();
        for (Field f : fields.values()) {
            Method setter = setter(type, f.getName(), f.getType());
            if (setter == null && Modifier.isFinal(f.getModifiers())) {
                continue;
            }
            out.put(f.getName(), new BeanProperty(f.getGenericType(), f.getType(), setter, f));
        }
        for (Method m : type.getMethods()) {
            String n = m.getName();
            if (!Modifier.isStatic(m.getModifiers())
                    && m.getParameterCount() == 1
                    && n.length() > 3
                    && n.startsWith("set")) {
                String name = decapitalize(n.substring(3));
                out.putIfAbsent(
                        name,
                        new BeanProperty(
                                m.getGenericParameterTypes()[0],
                                m.getParameterTypes()[0],
                                m,
                                null));
            }
        }
        return out;
    }

    private static Method setter(Class<?> type, String name, Class<?> valueType) {
        String n = "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        try {
            Method m = type.getMethod(n, valueType);
            return Modifier.isStatic(m.getModifiers()) ? null : m;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static String decapitalize(String s) {
        if (s.length() > 1
                && Character.isUpperCase(s.charAt(0))
                && Character.isUpperCase(s.charAt(1))) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private FixtureException unknownField(
            Class<?> type, FixtureNode.Entry entry, Collection<String> known) {
        String suggestion =
                Names.nearest(entry.key(), known)
                        .map(n -> ": did you mean '" + n + "'?")
                        .orElse("");
        return error(
                entry,
                "unknown field '"
                        + entry.key()
                        + "' of "
                        + type.getSimpleName()
                        + " (fields: "
                        + String.join(", ", known)
                        + ")"
                        + suggestion);
    }

    private static String fieldName(Class<?> type, String field) {
        return "field '" + field + "' of " + type.getSimpleName();
    }

    private static Object absent(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        return Array.get(Array.newInstance(type, 1), 0);
    }

    /**
     * The node converted to a value of the given type; {@code where} names the field in messages.
     */
    Object convert(Type type, FixtureNode node, String where) {
        Class<?> raw = rawType(type);
        if (node.kind() == FixtureNode.Kind.NULL) {
            if (raw.isPrimitive()) {
                throw error(
                        node,
                        where
                                + " is "
                                + article(raw.getName())
                                + " and cannot be null: leave it out for "
                                + absent(raw));
            }
            return raw == Optional.class ? Optional.empty() : null;
        }
        if (raw == Optional.class) {
            return Optional.ofNullable(convert(typeArgument(type, 0), node, where));
        }
        if (raw == Object.class) {
            return natural(node);
        }
        if (raw == String.class || raw == CharSequence.class) {
            requireKind(
                    node,
                    FixtureNode.Kind.STRING,
                    where,
                    "String",
                    node.kind() == FixtureNode.Kind.NUMBER
                                    || node.kind() == FixtureNode.Kind.BOOLEAN
                            ? "; quote it to make it a string"
                            : "");
            return node.text();
        }
        if (raw == char.class || raw == Character.class) {
            requireKind(node, FixtureNode.Kind.STRING, where, "char", "");
            if (node.text().length() != 1) {
                throw error(
                        node,
                        where
                                + " is a char: got "
                                + node.describe()
                                + ", which is not one character");
            }
            return node.text().charAt(0);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            requireKind(
                    node,
                    FixtureNode.Kind.BOOLEAN,
                    where,
                    "boolean",
                    node.kind() == FixtureNode.Kind.STRING
                            ? "; write true or false without quotes"
                            : "");
            return node.booleanValue();
        }
        if (isNumeric(raw)) {
            requireKind(
                    node,
                    FixtureNode.Kind.NUMBER,
                    where,
                    simpleName(raw),
                    node.kind() == FixtureNode.Kind.STRING
                            ? "; write the number without quotes"
                            : "");
            return number(raw, node, where);
        }
        if (raw.isEnum()) {
            requireKind(node, FixtureNode.Kind.STRING, where, "enum " + raw.getSimpleName(), "");
            for (Object constant : raw.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(node.text())) {
                    return constant;
                }
            }
            List<String> names = new ArrayList<>();
            for (Object constant : raw.getEnumConstants()) {
                names.add(((Enum<?>) constant).name());
            }
            throw error(
                    node,
                    where
                            + " is the enum "
                            + raw.getSimpleName()
                            + ": "
                            + node.describe()
                            + " is none of "
                            + names
                            + Names.nearest(node.text(), names)
                                    .map(n -> "; did you mean " + n + "?")
                                    .orElse(""));
        }
        if (raw == byte[].class || raw == SdkBytes.class || raw == ByteBuffer.class) {
            requireKind(node, FixtureNode.Kind.STRING, where, simpleName(raw), " (base64 text)");
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(node.text());
            } catch (IllegalArgumentException e) {
                throw error(
                        node,
                        where
                                + " holds bytes written as base64: "
                                + node.describe()
                                + " is not base64");
            }
            return raw == byte[].class
                    ? bytes
                    : raw == SdkBytes.class
                            ? SdkBytes.fromByteArray(bytes)
                            : ByteBuffer.wrap(bytes);
        }
        if (raw.isArray()) {
            requireKind(node, FixtureNode.Kind.LIST, where, "array", "");
            Type component =
                    type instanceof GenericArrayType g
                            ? g.getGenericComponentType()
                            : raw.getComponentType();
            List<FixtureNode> elements = node.elements();
            Object array = Array.newInstance(raw.getComponentType(), elements.size());
            for (int i = 0; i < elements.size(); i++) {
                Array.set(array, i, convert(component, elements.get(i), where + " element " + i));
            }
            return array;
        }
        if (Collection.class.isAssignableFrom(raw) || raw == Iterable.class) {
            requireKind(node, FixtureNode.Kind.LIST, where, simpleName(raw), "");
            Collection<Object> out = newCollection(raw, typeArgument(type, 0), node, where);
            Type element = typeArgument(type, 0);
            List<FixtureNode> elements = node.elements();
            for (int i = 0; i < elements.size(); i++) {
                out.add(convert(element, elements.get(i), where + " element " + i));
            }
            return out;
        }
        if (Map.class.isAssignableFrom(raw)) {
            requireKind(node, FixtureNode.Kind.OBJECT, where, simpleName(raw), "");
            Map<Object, Object> out = newMap(raw, node, where);
            Type keyType = typeArgument(type, 0);
            Type valueType = typeArgument(type, 1);
            for (FixtureNode.Entry entry : node.entries().values()) {
                FixtureNode keyNode = FixtureNode.string(entry.key(), entry.line(), entry.column());
                Object key =
                        rawType(keyType) == Object.class
                                ? entry.key()
                                : fromText(rawType(keyType), keyNode, where + " key");
                out.put(
                        key,
                        convert(valueType, entry.value(), where + " entry '" + entry.key() + "'"));
            }
            return out;
        }
        if (node.kind() == FixtureNode.Kind.OBJECT && (raw.isRecord() || !raw.isInterface())) {
            return instantiate(raw, node, where);
        }
        return fromText(raw, node, where);
    }

    private void requireKind(
            FixtureNode node, FixtureNode.Kind kind, String where, String typeName, String hint) {
        if (node.kind() != kind) {
            throw error(
                    node, where + " is " + article(typeName) + ": got " + node.describe() + hint);
        }
    }

    private static String article(String typeName) {
        return ("aeiouAEIOU".indexOf(typeName.charAt(0)) >= 0 ? "an " : "a ") + typeName;
    }

    /**
     * A value of a type with a static {@code parse}/{@code valueOf}/{@code of}/{@code fromString}
     * or a String constructor.
     */
    private Object fromText(Class<?> raw, FixtureNode node, String where) {
        if (node.kind() != FixtureNode.Kind.STRING && node.kind() != FixtureNode.Kind.NUMBER) {
            throw error(
                    node,
                    where
                            + " is "
                            + article(raw.getSimpleName())
                            + ", written as text: got "
                            + node.describe());
        }
        String text = node.text();
        for (String name : FACTORY_NAMES) {
            for (Class<?> parameter : List.of(CharSequence.class, String.class)) {
                Method factory;
                try {
                    factory = raw.getMethod(name, parameter);
                } catch (NoSuchMethodException e) {
                    continue;
                }
                if (!Modifier.isStatic(factory.getModifiers())
                        || !raw.isAssignableFrom(factory.getReturnType())) {
                    continue;
                }
                return invokeFactory(raw, node, where, () -> factory.invoke(null, text));
            }
        }
        try {
            Constructor<?> constructor = raw.getConstructor(String.class);
            return invokeFactory(raw, node, where, () -> constructor.newInstance(text));
        } catch (NoSuchMethodException e) {
            throw error(
                    node,
                    where
                            + " has the type "
                            + raw.getName()
                            + ", which fixtures cannot build from "
                            + node.describe()
                            + ": give it a static parse(String), valueOf(String) or of(String), or load"
                            + " this item as raw DynamoDB JSON");
        }
    }

    private interface Factory {
        Object create() throws ReflectiveOperationException;
    }

    private Object invokeFactory(Class<?> raw, FixtureNode node, String where, Factory factory) {
        try {
            return factory.create();
        } catch (InvocationTargetException e) {
            throw new FixtureException(
                    file,
                    node.line(),
                    node.column(),
                    where
                            + " is "
                            + article(raw.getSimpleName())
                            + ": "
                            + node.describe()
                            + " is not one ("
                            + e.getCause().getMessage()
                            + ")",
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new FixtureException(file, node.line(), node.column(), cannotCreate(raw, e), e);
        }
    }

    private static boolean isNumeric(Class<?> raw) {
        return raw == int.class
                || raw == long.class
                || raw == short.class
                || raw == byte.class
                || raw == double.class
                || raw == float.class
                || Number.class.isAssignableFrom(raw)
                        && (raw.getPackageName().equals("java.lang")
                                || raw == BigDecimal.class
                                || raw == BigInteger.class);
    }

    private Object number(Class<?> raw, FixtureNode node, String where) {
        BigDecimal value = new BigDecimal(node.text());
        try {
            if (raw == int.class || raw == Integer.class) {
                return value.intValueExact();
            }
            if (raw == long.class || raw == Long.class) {
                return value.longValueExact();
            }
            if (raw == short.class || raw == Short.class) {
                return value.shortValueExact();
            }
            if (raw == byte.class || raw == Byte.class) {
                return value.byteValueExact();
            }
            if (raw == BigInteger.class) {
                return value.toBigIntegerExact();
            }
        } catch (ArithmeticException e) {
            throw error(
                    node,
                    where
                            + " is "
                            + article(simpleName(raw))
                            + ": "
                            + node.describe()
                            + (value.stripTrailingZeros().scale() > 0
                                    ? " is not a whole number"
                                    : " is out of range"));
        }
        if (raw == double.class || raw == Double.class) {
            return value.doubleValue();
        }
        if (raw == float.class || raw == Float.class) {
            return value.floatValue();
        }
        return value;
    }

    /** A node as plain Java values: String, BigDecimal, Boolean, List, Map. */
    private static Object natural(FixtureNode node) {
        switch (node.kind()) {
            case OBJECT:
                {
                    Map<String, Object> out = new LinkedHashMap<>();
                    node.entries().forEach((k, e) -> out.put(k, natural(e.value())));
                    return out;
                }
            case LIST:
                return node.elements().stream()
                        .map(FixtureTyping::natural)
                        .collect(Collectors.toList());
            case NUMBER:
                return new BigDecimal(node.text());
            case STRING:
                return node.text();
            case BOOLEAN:
                return node.booleanValue();
            default:
                return null;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Collection<Object> newCollection(
            Class<?> raw, Type element, FixtureNode node, String where) {
        if (raw.isInterface() || Modifier.isAbstract(raw.getModifiers())) {
            if (SortedSet.class.isAssignableFrom(raw) || NavigableSet.class.isAssignableFrom(raw)) {
                return new TreeSet<>();
            }
            if (raw == EnumSet.class) {
                return (Collection) EnumSet.noneOf((Class) rawType(element));
            }
            if (Set.class.isAssignableFrom(raw)) {
                return new LinkedHashSet<>();
            }
            return new ArrayList<>();
        }
        try {
            return (Collection<Object>) raw.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw error(
                    node,
                    where
                            + " is a "
                            + raw.getName()
                            + ", which fixtures cannot create: declare it as"
                            + " List, Set or Collection");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> newMap(Class<?> raw, FixtureNode node, String where) {
        if (raw.isInterface() || Modifier.isAbstract(raw.getModifiers())) {
            if (SortedMap.class.isAssignableFrom(raw) || NavigableMap.class.isAssignableFrom(raw)) {
                return new TreeMap<>();
            }
            return new LinkedHashMap<>();
        }
        try {
            return (Map<Object, Object>) raw.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw error(
                    node,
                    where
                            + " is a "
                            + raw.getName()
                            + ", which fixtures cannot create: declare it as Map");
        }
    }

    private static String simpleName(Class<?> raw) {
        return raw.isPrimitive() ? raw.getName() : raw.getSimpleName();
    }

    static Class<?> rawType(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return rawType(p.getRawType());
        }
        if (type instanceof GenericArrayType g) {
            return Array.newInstance(rawType(g.getGenericComponentType()), 0).getClass();
        }
        if (type instanceof WildcardType w) {
            return rawType(w.getUpperBounds()[0]);
        }
        if (type instanceof TypeVariable<?> v) {
            return rawType(v.getBounds()[0]);
        }
        return Object.class;
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }
}
