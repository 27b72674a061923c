package dev.dynamorm.engine.internal.model;

import dev.dynamorm.Operation;
import dev.dynamorm.spi.schema.FieldReader;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts the attributes of one item for a generated schema, field by field as its code asks
 * (primitives unboxed). Remembers the last field read and whether a conversion was running, so that
 * a failure can name a constructor, a setter or leave a converter's exception as it is.
 */
final class SchemaItemReader implements FieldReader {

    private final ReflectiveField[] bySlot;
    private final Map<String, AttributeValue> item;
    private final Operation operation;
    private ReflectiveField last;
    private boolean converting;

    SchemaItemReader(
            ReflectiveField[] bySlot, Map<String, AttributeValue> item, Operation operation) {
        this.bySlot = bySlot;
        this.item = item;
        this.operation = operation;
    }

    /** The field read last, or null before the first. */
    ReflectiveField lastField() {
        return last;
    }

    /** Whether a converter was running (so a failure comes from it, not from the model). */
    boolean converting() {
        return converting;
    }

    private AttributeValue start(ReflectiveField f) {
        last = f;
        converting = true;
        return item.get(f.attributeName());
    }

    @Override
    public Object read(int field) {
        ReflectiveField f = bySlot[field];
        if (f == null) {
            return null;
        }
        Object value = f.fromAttributeValue(start(f), operation);
        converting = false;
        return value;
    }

    @Override
    public String readString(int field) {
        ReflectiveField f = bySlot[field];
        if (f == null) {
            return null;
        }
        String value = f.decodeString(start(f), operation);
        converting = false;
        return value;
    }

    @Override
    public long readLong(int field) {
        ReflectiveField f = bySlot[field];
        if (f == null) {
            return 0L;
        }
        long value = f.decodeLong(start(f), operation);
        converting = false;
        return value;
    }

    @Override
    public double readDouble(int field) {
        ReflectiveField f = bySlot[field];
        if (f == null) {
            return 0.0;
        }
        double value = f.decodeDouble(start(f), operation);
        converting = false;
        return value;
    }

    @Override
    public float readFloat(int field) {
        ReflectiveField f = bySlot[field];
        if (f == null) {
            return 0.0f;
        }
        float value = f.decodeFloat(start(f), operation);
        converting = false;
        return value;
    }

    @Override
    public boolean readBoolean(int field) {
        ReflectiveField f = bySlot[field];
        if (f == null) {
            return false;
        }
        boolean value = f.decodeBoolean(start(f), operation);
        converting = false;
        return value;
    }
}
