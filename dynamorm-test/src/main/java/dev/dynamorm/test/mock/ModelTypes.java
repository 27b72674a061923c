package dev.dynamorm.test.mock;

import dev.dynamorm.Converter;
import dev.dynamorm.Key;
import dev.dynamorm.annotations.Attribute;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.annotations.Unique;
import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What {@link MockDB} reads from a model class the way the engine does: the {@code @DynamoTable}
 * that applies (its own or its entity family's: a sealed interface or abstract class annotated with
 * it), the key of an instance (fields, or key templates such as {@code CUSTOMER#{customerId}} with
 * {@code #} and {@code \} in values escaped by a backslash) and its {@code @Unique} fields.
 */
final class ModelTypes {

    private static final char SEPARATOR = '#';
    private static final char ESCAPE = '\\';

    /** A {@code @Unique} field: its Java name, stored attribute name and accessor. */
    record UniqueField(String name, String attribute, AnnotatedElement element) {}

    private ModelTypes() {}

    /**
     * The {@code @DynamoTable} of a model: its own, else that of the sealed family it is a member
     * of; null when neither.
     */
    static DynamoTable tableOf(Class<?> type) {
        DynamoTable own = type.getAnnotation(DynamoTable.class);
        if (own != null) {
            return own;
        }
        List<Class<?>> supers = new ArrayList<>(List.of(type.getInterfaces()));
        if (type.getSuperclass() != null) {
            supers.add(type.getSuperclass());
        }
        for (Class<?> s : supers) {
            if (isFamily(s) && List.of(s.getPermittedSubclasses()).contains(type)) {
                return s.getAnnotation(DynamoTable.class);
            }
        }
        return null;
    }

    /** Whether a type is the root of an entity family (annotated, sealed, abstract). */
    static boolean isFamily(Class<?> type) {
        return (type.isInterface() || Modifier.isAbstract(type.getModifiers()))
                && type.isSealed()
                && type.isAnnotationPresent(DynamoTable.class);
    }

    /** The {@code @Unique} fields of a concrete model class, in declaration order. */
    static List<UniqueField> uniqueFields(Class<?> type) {
        List<UniqueField> out = new ArrayList<>();
        for (AnnotatedElement e : fields(type)) {
            if (e.isAnnotationPresent(Unique.class)) {
                Attribute renamed = e.getAnnotation(Attribute.class);
                String name = name(e);
                out.add(
                        new UniqueField(
                                name,
                                renamed != null && !renamed.value().isEmpty()
                                        ? renamed.value()
                                        : name,
                                e));
            }
        }
        return out;
    }

    /**
     * The key of an instance as the engine's {@code keyOf} gives it: a key field's value, or the
     * text a key template computes.
     *
     * @return the key, or null when the class declares no partition key MockDB can read
     */
    static Key keyOf(Object item, FieldTypes types) {
        Class<?> type = item.getClass();
        Function<String, Object> values =
                name -> {
                    AnnotatedElement e = field(type, name);
                    return e == null ? null : read(item, e);
                };
        Object pk = keyPart(type, PartitionKey.class, values, types);
        if (pk == null) {
            return null;
        }
        return new Key(pk, keyPart(type, SortKey.class, values, types));
    }

    /**
     * The key that values given for a model's fields bind, as the engine binds a query's
     * equalities: the key fields' values, or the text of the key templates.
     *
     * @return the key, or null when the values bind no whole key (or the model is a family)
     */
    static Key keyOfValues(Class<?> type, Map<String, Object> values, FieldTypes types) {
        if (isFamily(type)) {
            return null;
        }
        Object pk = keyPart(type, PartitionKey.class, values::get, types);
        if (pk == null) {
            return null;
        }
        boolean sorted = typeTemplate(type, SortKey.class) != null || keyField(type, SortKey.class);
        Object sk = keyPart(type, SortKey.class, values::get, types);
        return sorted && sk == null ? null : new Key(pk, sk);
    }

    private static boolean keyField(Class<?> type, Class<? extends Annotation> role) {
        for (AnnotatedElement e : fields(type)) {
            if (e.isAnnotationPresent(role)) {
                return true;
            }
        }
        return false;
    }

    private static Object keyPart(
            Class<?> type,
            Class<? extends Annotation> role,
            Function<String, Object> values,
            FieldTypes types) {
        String template = typeTemplate(type, role);
        if (template != null) {
            return render(type, template, values, types);
        }
        for (AnnotatedElement e : fields(type)) {
            if (e.isAnnotationPresent(role)) {
                return values.apply(name(e));
            }
        }
        return null;
    }

    private static String typeTemplate(Class<?> type, Class<? extends Annotation> role) {
        if (role == PartitionKey.class) {
            PartitionKey pk = type.getAnnotation(PartitionKey.class);
            return pk == null || pk.template().isEmpty() ? null : pk.template();
        }
        SortKey sk = type.getAnnotation(SortKey.class);
        return sk == null || sk.template().isEmpty() ? null : sk.template();
    }

    /** The template's text for these values; null when a field it names has none. */
    private static String render(
            Class<?> type, String template, Function<String, Object> values, FieldTypes types) {
        StringBuilder out = new StringBuilder();
        for (String part : template.split(String.valueOf(SEPARATOR), -1)) {
            if (part.startsWith("{") && part.endsWith("}")) {
                String field = part.substring(1, part.length() - 1);
                Object value = values.apply(field);
                String text = value == null ? null : text(type, field, value, types);
                if (text == null) {
                    return null;
                }
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == SEPARATOR || c == ESCAPE) {
                        out.append(ESCAPE);
                    }
                    out.append(c);
                }
            } else {
                out.append(part);
            }
            out.append(SEPARATOR);
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    /** A value as a key template writes it: the text of its S or N attribute. */
    static String text(Class<?> type, String field, Object value, FieldTypes types) {
        FieldTypes.FieldType t = types.resolve(type, field);
        Converter<Object> converter = t == null ? null : t.converter();
        if (converter != null && t.rawType().isInstance(value)) {
            AttributeValue av = converter.toAttributeValue(value);
            if (av != null && av.s() != null) {
                return av.s();
            }
            if (av != null && av.n() != null) {
                return av.n();
            }
        }
        return String.valueOf(value);
    }

    private static AnnotatedElement field(Class<?> type, String name) {
        for (AnnotatedElement e : fields(type)) {
            if (name(e).equals(name)) {
                return e;
            }
        }
        return null;
    }

    /** Record components, or the instance fields of a bean and its superclasses. */
    private static List<AnnotatedElement> fields(Class<?> type) {
        List<AnnotatedElement> out = new ArrayList<>();
        if (type.isRecord()) {
            out.addAll(List.of(type.getRecordComponents()));
            return out;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (!Modifier.isStatic(m) && !Modifier.isTransient(m) && !f.isSynthetic()) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    private static String name(AnnotatedElement e) {
        return e instanceof RecordComponent c ? c.getName() : ((Field) e).getName();
    }

    /** The value of a field of an item. */
    static Object read(Object item, AnnotatedElement e) {
        AccessibleObject target = e instanceof RecordComponent c ? c.getAccessor() : (Field) e;
        try {
            if (!target.canAccess(item)) {
                target.setAccessible(true);
            }
            return target instanceof Method m ? m.invoke(item) : ((Field) target).get(item);
        } catch (InvocationTargetException ex) {
            throw new IllegalStateException(
                    "MockDB could not read field '" + name(e) + "': its accessor threw",
                    ex.getCause());
        } catch (ReflectiveOperationException | RuntimeException ex) {
            throw new IllegalStateException(
                    "MockDB could not read field '"
                            + name(e)
                            + "' of "
                            + item.getClass().getName()
                            + ": open its package to dev.dynamorm.test",
                    ex);
        }
    }
}
