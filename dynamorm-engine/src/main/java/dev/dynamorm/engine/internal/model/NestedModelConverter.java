package dev.dynamorm.engine.internal.model;

import dev.dynamorm.Converter;
import dev.dynamorm.InvalidRequestException;
import java.util.Locale;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stores a nested record or bean as a map attribute (M) through its model metadata. The metadata
 * may still be under construction when this converter is created (recursive types); it is only used
 * once construction has finished.
 */
final class NestedModelConverter implements Converter<Object> {

    private final ReflectiveModel<Object> model;

    @SuppressWarnings("unchecked")
    NestedModelConverter(ReflectiveModel<?> model) {
        this.model = (ReflectiveModel<Object>) model;
    }

    ReflectiveModel<?> model() {
        return model;
    }

    @Override
    public AttributeValue toAttributeValue(Object value) {
        if (!model.type().isInstance(value)) {
            throw new ClassCastException(
                    String.format(
                            Locale.ROOT,
                            "expected a %s but got a %s",
                            model.type().getName(),
                            value.getClass().getName()));
        }
        if (!model.encryptedFields().isEmpty()) {
            // a table model with @Encrypted fields used as a nested value: nothing would encrypt
            // them
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "%s has @Encrypted fields %s, which are not encrypted when it is stored nested inside another "
                                    + "model: mark the enclosing field @Encrypted instead",
                            model.type().getName(),
                            model.encryptedFields().stream().map(FieldMetadata::name).toList()));
        }
        try {
            return AttributeValue.createM(model.toItem(value, null));
        } catch (InvalidRequestException e) {
            // the enclosing field reports it, with the operation and the outer model
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public Object fromAttributeValue(AttributeValue attribute) {
        if (attribute.type() != AttributeValue.Type.M) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "expected a map (M) attribute for %s but got a %s attribute",
                            model.type().getName(),
                            attribute.type()));
        }
        try {
            return model.fromItem(attribute.m(), null);
        } catch (InvalidRequestException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public AttributeValue.Type attributeType() {
        return AttributeValue.Type.M;
    }

    @Override
    public String toString() {
        return "NestedModelConverter[" + model.type().getName() + "]";
    }
}
