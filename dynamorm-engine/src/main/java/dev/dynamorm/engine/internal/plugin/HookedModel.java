package dev.dynamorm.engine.internal.plugin;

import dev.dynamorm.Operation;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.IndexMetadata;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import dev.dynamorm.engine.internal.model.TypeTag;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A model whose operation-aware conversions run the plugins' item transforms: {@link
 * #toItem(Object, Operation)} of a write runs {@code beforeWrite}, {@link #fromItem(Map,
 * Operation)} runs {@code afterRead}. The plain {@link #toItem(Object)} and {@link #fromItem(Map)}
 * (what {@code Table.toItem}/{@code fromItem} offer users) stay untransformed. Used only when a
 * plugin is installed.
 */
public final class HookedModel<T> implements ModelMetadata<T> {

    private static final Set<Operation> WRITES =
            EnumSet.of(
                    Operation.CREATE,
                    Operation.PUT,
                    Operation.UPDATE,
                    Operation.BATCH_WRITE,
                    Operation.TRANSACT_WRITE);

    private final ModelMetadata<T> model;
    private final HookChain hooks;
    private final String tableName;

    public HookedModel(ModelMetadata<T> model, HookChain hooks, String tableName) {
        this.model = model;
        this.hooks = hooks;
        this.tableName = tableName;
    }

    /** The model itself, or a hooked view of it when plugins are installed. */
    public static <T> ModelMetadata<T> of(
            ModelMetadata<T> model, HookChain hooks, String tableNamePrefix) {
        if (hooks.isEmpty() || model instanceof HookedModel) {
            return model;
        }
        return new HookedModel<>(model, hooks, tableNamePrefix + model.tableName().orElse(""));
    }

    /** The model without the item transforms. */
    public ModelMetadata<T> unhooked() {
        return model;
    }

    /** The model without the item transforms, whatever {@code model} is. */
    public static <T> ModelMetadata<T> unhooked(ModelMetadata<T> model) {
        return model instanceof HookedModel<T> h ? h.model : model;
    }

    @Override
    public Map<String, AttributeValue> toItem(T instance, Operation operation) {
        Map<String, AttributeValue> item = model.toItem(instance, operation);
        return operation != null && WRITES.contains(operation)
                ? hooks.beforeWrite(operation, tableName, model.type(), item, false)
                : item;
    }

    @Override
    public T fromItem(Map<String, AttributeValue> item, Operation operation) {
        return model.fromItem(
                hooks.afterRead(
                        operation == null ? Operation.GET : operation,
                        tableName,
                        model.type(),
                        item,
                        false),
                operation);
    }

    @Override
    public Class<T> type() {
        return model.type();
    }

    @Override
    public Optional<String> tableName() {
        return model.tableName();
    }

    @Override
    public List<FieldMetadata> fields() {
        return model.fields();
    }

    @Override
    public FieldMetadata field(String javaName) {
        return model.field(javaName);
    }

    @Override
    public FieldMetadata fieldByAttribute(String attributeName) {
        return model.fieldByAttribute(attributeName);
    }

    @Override
    public FieldMetadata partitionKey() {
        return model.partitionKey();
    }

    @Override
    public Optional<FieldMetadata> sortKey() {
        return model.sortKey();
    }

    @Override
    public List<IndexMetadata> indexes() {
        return model.indexes();
    }

    @Override
    public Optional<FieldMetadata> versionField() {
        return model.versionField();
    }

    @Override
    public Optional<FieldMetadata> createdAtField() {
        return model.createdAtField();
    }

    @Override
    public Optional<FieldMetadata> updatedAtField() {
        return model.updatedAtField();
    }

    @Override
    public Optional<FieldMetadata> ttlField() {
        return model.ttlField();
    }

    @Override
    public List<FieldMetadata> encryptedFields() {
        return model.encryptedFields();
    }

    @Override
    public Optional<String> discriminatorAttribute() {
        return model.discriminatorAttribute();
    }

    @Override
    public Optional<TypeTag> typeTag() {
        return model.typeTag();
    }

    @Override
    public ModelMetadata<?> tableModel() {
        ModelMetadata<?> table = model.tableModel();
        return table == model ? this : table;
    }

    @Override
    public Map<String, AttributeValue> toItem(T instance) {
        return model.toItem(instance);
    }

    @Override
    public T fromItem(Map<String, AttributeValue> item) {
        return model.fromItem(item);
    }

    @Override
    public String toString() {
        return model.toString();
    }
}
