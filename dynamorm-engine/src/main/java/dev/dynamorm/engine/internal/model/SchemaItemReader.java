package dev.dynamorm.engine.internal.model;

import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.spi.schema.FieldReader;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts the attributes of an item for a generated schema, field by field as its code asks
 * (primitives unboxed): one stateless instance per model and operation, so nothing is allocated per
 * item. A converter's own failure leaves wrapped in {@link ConverterFailure}, so that the model can
 * tell it from a constructor's.
 */
final class SchemaItemReader implements FieldReader {

    /** Carries what a converter threw past the generated code; unwrapped by the model. */
    static final class ConverterFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConverterFailure(RuntimeException cause) {
            super(null, cause, false, false);
        }

        RuntimeException original() {
            return (RuntimeException) getCause();
        }
    }

    private final Class<?> type;
    private final ReflectiveField[] bySlot;
    private final Operation operation;

    SchemaItemReader(Class<?> type, ReflectiveField[] bySlot, Operation operation) {
        this.type = type;
        this.bySlot = bySlot;
        this.operation = operation;
    }

    @Override
    public Object read(Map<String, AttributeValue> item, int field) {
        ReflectiveField f = bySlot[field];
        if (f == null) {
            return null;
        }
        try {
            return f.fromAttributeValue(item.get(f.attributeName()), operation);
        } catch (InvalidRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConverterFailure(e);
        }
    }

    @Override
    public String readString(Map<String, AttributeValue> item, int field) {
        ReflectiveField f = bySlot[field];
        if (f == null) {
            return null;
        }
        try {
            return f.decodeString(item.get(f.attributeName()), operation);
        } catch (InvalidRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConverterFailure(e);
        }
    }

    @Override
    public long readLong(Map<String, AttributeValue> item, int field) {
        ReflectiveField f = bySlot[field];
        if (f == null) {
            return 0L;
        }
        try {
            return f.decodeLong(item.get(f.attributeName()), operation);
        } catch (InvalidRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConverterFailure(e);
        }
    }

    @Override
    public double readDouble(Map<String, AttributeValue> item, int field) {
        ReflectiveField f = bySlot[field];
        if (f == null) {
            return 0.0;
        }
        try {
            return f.decodeDouble(item.get(f.attributeName()), operation);
        } catch (InvalidRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConverterFailure(e);
        }
    }

    @Override
    public float readFloat(Map<String, AttributeValue> item, int field) {
        ReflectiveField f = bySlot[field];
        if (f == null) {
            return 0.0f;
        }
        try {
            return f.decodeFloat(item.get(f.attributeName()), operation);
        } catch (InvalidRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConverterFailure(e);
        }
    }

    @Override
    public boolean readBoolean(Map<String, AttributeValue> item, int field) {
        ReflectiveField f = bySlot[field];
        if (f == null) {
            return false;
        }
        try {
            return f.decodeBoolean(item.get(f.attributeName()), operation);
        } catch (InvalidRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConverterFailure(e);
        }
    }

    @Override
    public RuntimeException setterFailed(int field, RuntimeException failure) {
        ReflectiveField f = bySlot[field];
        String name = f == null ? String.valueOf(field) : f.name();
        return ReflectiveModel.creationFailure(
                type, failure, "the setter of field '" + name + "'", operation);
    }
}
