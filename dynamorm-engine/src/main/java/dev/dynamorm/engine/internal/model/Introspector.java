package dev.dynamorm.engine.internal.model;

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
import dev.dynamorm.spi.schema.IndexKeySchema;
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
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a model class by reflection, the reflective path's counterpart of a generated schema: the
 * properties of a record (its components) or of a JavaBean (its fields and getter/setter pairs),
 * and the mapping annotations of each. A generated model's registration loads none of it.
 */
final class Introspector {

    private Introspector() {}

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
    private static String decapitalize(String s) {
        if (s.length() > 1
                && Character.isUpperCase(s.charAt(0))
                && Character.isUpperCase(s.charAt(1))) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * The mapping annotations of a property, merged over its sources (field, getter, component).
     */
    static Mapping mapping(List<AnnotatedElement> sources) {
        Set<IndexKey> indexKeys = new LinkedHashSet<>();
        Set<String> present = new LinkedHashSet<>();
        for (AnnotatedElement source : sources) {
            indexKeys.addAll(Arrays.asList(source.getAnnotationsByType(IndexKey.class)));
            for (Annotation a : source.getAnnotations()) {
                if (a.annotationType().getPackageName().equals(Mapping.ANNOTATION_PACKAGE)) {
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
