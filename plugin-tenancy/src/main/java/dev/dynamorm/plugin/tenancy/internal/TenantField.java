package dev.dynamorm.plugin.tenancy.internal;

import dev.dynamorm.Converter;
import dev.dynamorm.ModelInfo;
import dev.dynamorm.Operation;
import dev.dynamorm.plugin.tenancy.TenancyException;
import dev.dynamorm.plugin.tenancy.TenantId;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code @TenantId} field of a model.
 *
 * @param modelType the model class
 * @param field the Java field name
 * @param fieldType the field's declared class
 * @param attribute the attribute name
 * @param inKey whether the attribute is the table's partition or sort key
 * @param partitionKeyField the Java name of the partition key field
 * @param tableName the physical table name
 * @param converter the field's converter, or null for a {@code String} field of a model described
 *     without converters (stored as given)
 */
record TenantField(
        Class<?> modelType,
        String field,
        Class<?> fieldType,
        String attribute,
        boolean inKey,
        String partitionKeyField,
        String tableName,
        @Nullable Converter<?> converter) {

    /**
     * The current tenant as the tenant field holds it.
     *
     * @param id the tenant as the provider gave it
     * @param value the field's Java value for it, as conditions take it
     * @param stored the attribute the field stores for it
     */
    record Tenant(String id, Object value, AttributeValue stored) {}

    /**
     * The tenant field of a model, read from its class (its own and inherited fields; a record
     * component's annotation is on its field too).
     *
     * @throws TenancyException if the model has several, or one that is not mapped or not stored as
     *     a string or a number
     */
    static Optional<TenantField> of(Class<?> type, ModelInfo model) {
        List<Field> marked = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(TenantId.class)) {
                    marked.add(f);
                }
            }
        }
        if (marked.isEmpty()) {
            return Optional.empty();
        }
        if (marked.size() > 1) {
            throw invalid(
                    type,
                    String.format(
                            Locale.ROOT,
                            "has %d @TenantId fields %s; mark exactly one",
                            marked.size(),
                            marked.stream().map(Field::getName).toList()));
        }
        Field f = marked.get(0);
        String attribute = model.attributeNames().get(f.getName());
        if (attribute == null) {
            throw invalid(
                    type,
                    String.format(
                            Locale.ROOT,
                            "has @TenantId on field '%s', which is not mapped (ignored or"
                                    + " transient?)",
                            f.getName()));
        }
        Converter<?> converter = model.converter(f.getName()).orElse(null);
        AttributeValue.Type stored =
                converter == null
                        ? (f.getType() == String.class ? AttributeValue.Type.S : null)
                        : converter.attributeType();
        if (stored != AttributeValue.Type.S && stored != AttributeValue.Type.N) {
            throw invalid(
                    type,
                    String.format(
                            Locale.ROOT,
                            "has @TenantId on field '%s' of type %s, which is stored as %s; the"
                                    + " tenant field must be stored as a string or a number (a"
                                    + " String, UUID, enum, long... or a type whose converter"
                                    + " stores S or N)",
                            f.getName(),
                            f.getGenericType().getTypeName(),
                            stored == null ? "an unknown type" : stored));
        }
        boolean inKey =
                attribute.equals(model.partitionKeyAttribute())
                        || model.sortKeyAttribute().filter(attribute::equals).isPresent();
        String pkField =
                model.attributeNames().entrySet().stream()
                        .filter(e -> e.getValue().equals(model.partitionKeyAttribute()))
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElseThrow();
        return Optional.of(
                new TenantField(
                        type,
                        f.getName(),
                        f.getType(),
                        attribute,
                        inKey,
                        pkField,
                        model.tableName(),
                        converter));
    }

    /**
     * The tenant as this field holds it: the id read by the field's converter as if DynamoDB had
     * stored it (text for a string field, the number for a numeric one), written back in the form
     * the engine writes.
     *
     * @throws TenancyException if the field's converter cannot read the id
     */
    Tenant bind(String id, Operation op) {
        if (converter == null) {
            return new Tenant(id, id, AttributeValue.fromS(id));
        }
        Optional<Tenant> read = read(converter, id);
        if (read.isEmpty()) {
            throw new TenancyException(
                    String.format(
                            Locale.ROOT,
                            "the current tenant '%s' does not fit the tenant field '%s' of model"
                                    + " %s, which is %s; nothing was sent",
                            id,
                            field,
                            modelType.getName(),
                            fieldType.getName()),
                    op,
                    modelType);
        }
        return read.get();
    }

    private static <V> Optional<Tenant> read(Converter<V> c, String id) {
        AttributeValue asStored;
        if (c.attributeType() == AttributeValue.Type.N) {
            try {
                // a number in DynamoDB's syntax, checked before the converter reads it
                asStored = AttributeValue.fromN(new BigDecimal(id).toString());
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        } else {
            asStored = AttributeValue.fromS(id);
        }
        try {
            V value = c.fromAttributeValue(asStored);
            AttributeValue stored = value == null ? null : c.toAttributeValue(value);
            return value == null || stored == null
                    ? Optional.empty()
                    : Optional.of(new Tenant(id, value, stored));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static TenancyException invalid(Class<?> type, String what) {
        return new TenancyException(
                "model " + type.getName() + " " + what, Operation.REGISTER, type);
    }
}
