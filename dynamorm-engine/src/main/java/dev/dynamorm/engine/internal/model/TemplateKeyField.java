package dev.dynamorm.engine.internal.model;

import dev.dynamorm.Converter;
import dev.dynamorm.Operation;
import java.lang.reflect.Type;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A key attribute computed from a {@link KeyTemplate}: a string field whose Java name is its
 * attribute name. {@link #get(Object)} renders the template from the instance; there is nothing to
 * set on read (the template's own fields are filled instead). Immutable.
 */
final class TemplateKeyField implements FieldMetadata {

    /** Writes and reads the rendered key as a string attribute. */
    private static final Converter<Object> TEXT =
            new Converter<>() {
                @Override
                public AttributeValue toAttributeValue(Object value) {
                    return AttributeValue.fromS(value.toString());
                }

                @Override
                public Object fromAttributeValue(AttributeValue attribute) {
                    return attribute.s();
                }

                @Override
                public AttributeValue.Type attributeType() {
                    return AttributeValue.Type.S;
                }
            };

    private final String attribute;
    private final KeyTemplate template;
    private final boolean partitionKey;
    private final boolean sortKey;

    TemplateKeyField(
            String attribute, KeyTemplate template, boolean partitionKey, boolean sortKey) {
        this.attribute = attribute;
        this.template = template;
        this.partitionKey = partitionKey;
        this.sortKey = sortKey;
    }

    /** The template this key is computed from. */
    KeyTemplate template() {
        return template;
    }

    @Override
    public String name() {
        return attribute;
    }

    @Override
    public String attributeName() {
        return attribute;
    }

    @Override
    public Type genericType() {
        return String.class;
    }

    @Override
    public Class<?> rawType() {
        return String.class;
    }

    @Override
    public Converter<Object> converter() {
        return TEXT;
    }

    @Override
    public Object get(Object instance) {
        return template.render(instance, Operation.PUT);
    }

    @Override
    public AttributeValue toAttributeValue(Object value) {
        return value == null ? null : TEXT.toAttributeValue(value);
    }

    @Override
    public Object fromAttributeValue(AttributeValue value) {
        return value == null || Boolean.TRUE.equals(value.nul()) ? null : value.s();
    }

    @Override
    public Optional<ModelMetadata<?>> nestedModel() {
        return Optional.empty();
    }

    @Override
    public boolean isPartitionKey() {
        return partitionKey;
    }

    @Override
    public boolean isSortKey() {
        return sortKey;
    }

    @Override
    public boolean isVersion() {
        return false;
    }

    @Override
    public boolean isCreatedAt() {
        return false;
    }

    @Override
    public boolean isUpdatedAt() {
        return false;
    }

    @Override
    public boolean isTtl() {
        return false;
    }

    @Override
    public boolean isEncrypted() {
        return false;
    }

    @Override
    public String toString() {
        return "TemplateKeyField[" + attribute + " = " + template + "]";
    }
}
