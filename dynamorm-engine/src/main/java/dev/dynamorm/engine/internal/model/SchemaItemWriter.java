package dev.dynamorm.engine.internal.model;

import dev.dynamorm.Operation;
import dev.dynamorm.spi.schema.FieldWriter;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts the values a generated schema hands over into an item: one stateless instance per model
 * and operation, so the generated code calls one class here and nothing is allocated per item
 * (primitives arrive unboxed).
 */
final class SchemaItemWriter implements FieldWriter {

    private final ReflectiveField[] bySlot;
    private final Operation operation;

    SchemaItemWriter(ReflectiveField[] bySlot, Operation operation) {
        this.bySlot = bySlot;
        this.operation = operation;
    }

    private static void put(
            Map<String, AttributeValue> item, ReflectiveField f, AttributeValue value) {
        if (value != null) {
            item.put(f.attributeName(), value);
        }
    }

    @Override
    public void write(Map<String, AttributeValue> item, int field, Object value) {
        ReflectiveField f = bySlot[field];
        if (value != null && f != null) {
            put(item, f, f.toAttributeValue(value, operation));
        }
    }

    @Override
    public void writeString(Map<String, AttributeValue> item, int field, String value) {
        ReflectiveField f = bySlot[field];
        if (value != null && f != null) {
            put(item, f, f.encodeString(value, operation));
        }
    }

    @Override
    public void writeLong(Map<String, AttributeValue> item, int field, long value) {
        ReflectiveField f = bySlot[field];
        if (f != null) {
            put(item, f, f.encodeLong(value, operation));
        }
    }

    @Override
    public void writeDouble(Map<String, AttributeValue> item, int field, double value) {
        ReflectiveField f = bySlot[field];
        if (f != null) {
            put(item, f, f.encodeDouble(value, operation));
        }
    }

    @Override
    public void writeFloat(Map<String, AttributeValue> item, int field, float value) {
        ReflectiveField f = bySlot[field];
        if (f != null) {
            put(item, f, f.encodeFloat(value, operation));
        }
    }

    @Override
    public void writeBoolean(Map<String, AttributeValue> item, int field, boolean value) {
        ReflectiveField f = bySlot[field];
        if (f != null) {
            put(item, f, f.encodeBoolean(value, operation));
        }
    }
}
