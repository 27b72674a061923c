package dev.dynamorm.plugin.tenancy.internal;

import dev.dynamorm.Operation;
import dev.dynamorm.plugin.tenancy.TenancyException;
import dev.dynamorm.plugin.tenancy.TenantId;
import dev.dynamorm.spi.ModelInfo;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code @TenantId} field of a model.
 *
 * @param modelType the model class
 * @param field the Java field name
 * @param attribute the attribute name
 * @param inKey whether the attribute is the table's partition or sort key
 * @param partitionKeyField the Java name of the partition key field
 * @param tableName the physical table name
 */
record TenantField(
        Class<?> modelType,
        String field,
        String attribute,
        boolean inKey,
        String partitionKeyField,
        String tableName) {

    /**
     * The tenant field of a model, read from its class (its own and inherited fields; a record
     * component's annotation is on its field too).
     *
     * @throws TenancyException if the model has several, or one that is not a top-level String
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
        if (f.getType() != String.class) {
            throw invalid(
                    type,
                    String.format(
                            Locale.ROOT,
                            "has @TenantId on field '%s' of type %s; the tenant field must be a"
                                    + " String",
                            f.getName(),
                            f.getType().getSimpleName()));
        }
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
                new TenantField(type, f.getName(), attribute, inKey, pkField, model.tableName()));
    }

    private static TenancyException invalid(Class<?> type, String what) {
        return new TenancyException(
                "model " + type.getName() + " " + what, Operation.REGISTER, type);
    }
}
