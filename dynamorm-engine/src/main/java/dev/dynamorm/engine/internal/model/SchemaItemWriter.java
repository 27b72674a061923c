package dev.dynamorm.engine.internal.model;

import dev.dynamorm.Operation;
import dev.dynamorm.spi.schema.FieldWriter;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Puts the values a generated schema hands over into an item: one instance per conversion, so the
 * generated code calls one class here (primitives arrive unboxed).
 */
final class SchemaItemWriter implements FieldWriter {

    private final ReflectiveField[] bySlot;
    private final Map<String, AttributeValue> item;
    private final Operation operation;

    SchemaItemWriter(
            ReflectiveField[] bySlot, Map<String, AttributeValue> item, Operation operation) {
        this.bySlot = bySlot;
        this.item = item;
        this.operation = operation;
    }

    private void put(ReflectiveField f, AttributeValue value) {
        if (value != null) {
            item.put(f.attributeName(), value);
        }
    }

    @Override
    public void write(int field, Object value) {
        ReflectiveField f = bySlot[field];
        if (value != null && f != null) {
            put(f, f.toAttributeValue(value, operation));
        }
    }

    @Override
    public void writeString(int field, String value) {
        ReflectiveField f = bySlot[field];
        if (value != null && f != null) {
            put(f, f.encodeString(value, operation));
        }
    }

    @Override
    public void writeLong(int field, long value) {
        ReflectiveField f = bySlot[field];
        if (f != null) {
            put(f, f.encodeLong(value, operation));
        }
    }

    @Override
    public void writeDouble(int field, double value) {
        ReflectiveField f = bySlot[field];
        if (f != null) {
            put(f, f.encodeDouble(value, operation));
        }
    }

    @Override
    public void writeFloat(int field, float value) {
        ReflectiveField f = bySlot[field];
        if (f != null) {
            put(f, f.encodeFloat(value, operation));
        }
    }

    @Override
    public void writeBoolean(int field, boolean value) {
        ReflectiveField f = bySlot[field];
        if (f != null) {
            put(f, f.encodeBoolean(value, operation));
        }
    }
}
