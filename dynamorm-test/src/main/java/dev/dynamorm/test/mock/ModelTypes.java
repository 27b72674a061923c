package dev.dynamorm.test.mock;

import dev.dynamorm.Converter;
import dev.dynamorm.Key;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.KeyRole;
import dev.dynamorm.test.internal.KitField;
import dev.dynamorm.test.internal.KitModel;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What {@link MockDB} reads from a model class the way the engine does: the {@code @DynamoTable}
 * that applies (its own or its entity family's: a sealed interface or abstract class annotated with
 * it), the key of an instance (fields, or key templates such as {@code CUSTOMER#{customerId}} with
 * {@code #} and {@code \} in values escaped by a backslash) and its {@code @Unique} fields. Fields
 * and their values come from {@link KitModel}: the generated schema when the model has one (no
 * reflection on it), else reflection; the class-level {@code @DynamoTable} and the family's sealed
 * hierarchy are read from the class.
 */
final class ModelTypes {

    private static final char SEPARATOR = '#';
    private static final char ESCAPE = '\\';

    /** A {@code @Unique} field: its Java name and stored attribute name. */
    record UniqueField(String name, String attribute) {}

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
        for (KitField f : KitModel.of(type).uniqueFields()) {
            out.add(new UniqueField(f.name(), f.attribute()));
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
        Function<String, Object> values = name -> read(item, name);
        Object pk = keyPart(type, KeyRole.PARTITION, values, types);
        if (pk == null) {
            return null;
        }
        return new Key(pk, keyPart(type, KeyRole.SORT, values, types));
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
        Object pk = keyPart(type, KeyRole.PARTITION, values::get, types);
        if (pk == null) {
            return null;
        }
        boolean sorted =
                KitModel.of(type).keyTemplate(KeyRole.SORT) != null
                        || keyField(type, KeyRole.SORT) != null;
        Object sk = keyPart(type, KeyRole.SORT, values::get, types);
        return sorted && sk == null ? null : new Key(pk, sk);
    }

    /**
     * The name of the table key field of this role.
     *
     * @return the Java field name, or null when no field has the role (or a template makes the key)
     */
    static String keyField(Class<?> type, KeyRole role) {
        for (KitField f : KitModel.of(type).fields()) {
            if (role == KeyRole.PARTITION ? f.partitionKey() : f.sortKey()) {
                return f.name();
            }
        }
        return null;
    }

    private static Object keyPart(
            Class<?> type, KeyRole role, Function<String, Object> values, FieldTypes types) {
        String template = KitModel.of(type).keyTemplate(role);
        if (template != null) {
            return render(type, template, values, types);
        }
        String field = keyField(type, role);
        return field == null ? null : values.apply(field);
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

    /**
     * The value of a field of an item, read as the engine reads it (through the generated schema
     * when the class has one).
     *
     * @return the value, or null when the item's class maps no field of this name
     */
    static Object read(Object item, String field) {
        KitModel model = KitModel.of(item.getClass());
        int i = model.indexOf(field);
        return i < 0 ? null : model.read(item, i);
    }
}
