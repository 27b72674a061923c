package dev.dynamorm.engine.internal.model;

import dev.dynamorm.Converter;
import dev.dynamorm.spi.schema.FieldSchema;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Java property before validation, and how they are found: the components of a record, the fields
 * and getter/setter pairs of a JavaBean, or the fields a generated schema declares.
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

    /**
     * Whether a class is a JavaBean the engine can map: a public no-argument constructor and a
     * property.
     */
    static boolean isBean(Class<?> c) {
        if (c.isRecord()
                || c.isInterface()
                || c.isEnum()
                || Modifier.isAbstract(c.getModifiers())) {
            return false;
        }
        try {
            // only whether a public no-argument constructor exists matters
            Constructor<?> unused = c.getConstructor();
        } catch (NoSuchMethodException | SecurityException e) {
            return false;
        }
        try {
            return !beanProperties(c).isEmpty();
        } catch (LinkageError | SecurityException e) {
            return false;
        }
    }

    static List<Property> recordProperties(Class<?> type) {
        List<Property> out = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            Method accessor = rc.getAccessor();
            out.add(
                    new Property(
                            rc.getName(),
                            Types.resolve(rc.getGenericType(), type),
                            List.of(rc, accessor),
                            accessor,
                            null,
                            null));
        }
        return out;
    }

    static List<Property> beanProperties(Class<?> type) {
        // fields, superclasses first
        Deque<Class<?>> hierarchy = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.addFirst(c);
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        Set<String> transientNames = new java.util.HashSet<>();
        for (Class<?> c : hierarchy) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
                    continue;
                }
                if (Modifier.isTransient(f.getModifiers())) {
                    transientNames.add(f.getName());
                    fields.remove(f.getName());
                    continue;
                }
                fields.remove(f.getName()); // a redeclared field takes the subclass position
                fields.put(f.getName(), f);
            }
        }
        // public getters and setters
        Map<String, Method> getters = new HashMap<>();
        Map<String, List<Method>> setters = new HashMap<>();
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())
                    || m.isBridge()
                    || m.isSynthetic()
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String n = m.getName();
            if (m.getParameterCount() == 0 && m.getReturnType() != void.class) {
                if (n.startsWith("get") && n.length() > 3) {
                    getters.putIfAbsent(decapitalize(n.substring(3)), m);
                } else if (n.startsWith("is")
                        && n.length() > 2
                        && (m.getReturnType() == boolean.class
                                || m.getReturnType() == Boolean.class)) {
                    // getX wins over isX, as for java.beans
                    String p = decapitalize(n.substring(2));
                    Method existing = getters.get(p);
                    if (existing == null || existing.getName().startsWith("is")) {
                        getters.put(p, m);
                    }
                }
            } else if (m.getParameterCount() == 1 && n.startsWith("set") && n.length() > 3) {
                setters.computeIfAbsent(decapitalize(n.substring(3)), k -> new ArrayList<>())
                        .add(m);
            }
        }
        // getXCoordinate() names the property XCoordinate, but Lombok and IDEs generate it for a
        // field xCoordinate
        for (Map<String, ?> accessors : List.of(getters, setters)) {
            for (String p : new ArrayList<>(accessors.keySet())) {
                if (!fields.containsKey(p)) {
                    fields.keySet().stream()
                            .filter(f -> f.equalsIgnoreCase(p) && !accessors.containsKey(f))
                            .findFirst()
                            .ifPresent(f -> rename(accessors, p, f));
                }
            }
        }
        // properties: fields in order, then accessor-only properties by name
        Set<String> names = new LinkedHashSet<>(fields.keySet());
        names.addAll(new TreeSet<>(getters.keySet()));
        List<Property> out = new ArrayList<>();
        for (String name : names) {
            if (transientNames.contains(name)) {
                continue;
            }
            Field field = fields.get(name);
            Method getter = getters.get(name);
            Method setter = null;
            if (getter != null) {
                for (Method s : setters.getOrDefault(name, List.of())) {
                    if (s.getParameterTypes()[0] == getter.getReturnType()) {
                        setter = s;
                        break;
                    }
                }
            } else if (field != null) {
                for (Method s : setters.getOrDefault(name, List.of())) {
                    if (s.getParameterTypes()[0] == field.getType()) {
                        setter = s;
                        break;
                    }
                }
            }
            boolean pair = getter != null && setter != null;
            boolean annotatedField = field != null && annotated(field);
            if (!pair && !annotatedField) {
                continue;
            }
            List<AnnotatedElement> sources = new ArrayList<>(2);
            if (field != null) {
                sources.add(field);
            }
            if (getter != null) {
                sources.add(getter);
            }
            Type generic = getter != null ? getter.getGenericReturnType() : field.getGenericType();
            out.add(
                    new Property(
                            name,
                            Types.resolve(generic, type),
                            List.copyOf(sources),
                            getter,
                            setter,
                            field));
        }
        return out;
    }

    private static <V> void rename(Map<String, V> map, String from, String to) {
        map.put(to, map.remove(from));
    }

    private static boolean annotated(AnnotatedElement e) {
        for (Annotation a : e.getAnnotations()) {
            if (a.annotationType().getPackageName().equals(Mapping.ANNOTATION_PACKAGE)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Like {@code java.beans.Introspector.decapitalize}: {@code Name} → {@code name}, {@code URL}
     * stays.
     */
    static String decapitalize(String s) {
        if (s.length() > 1
                && Character.isUpperCase(s.charAt(0))
                && Character.isUpperCase(s.charAt(1))) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
