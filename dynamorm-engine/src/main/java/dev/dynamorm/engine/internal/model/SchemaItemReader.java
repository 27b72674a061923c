package dev.dynamorm.engine.internal.model;

import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.spi.schema.BooleanCodec;
import dev.dynamorm.spi.schema.DoubleCodec;
import dev.dynamorm.spi.schema.FieldReader;
import dev.dynamorm.spi.schema.LongCodec;
import dev.dynamorm.spi.schema.StringCodec;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts the attributes of an item for a generated schema, field by field as its code asks
 * (primitives unboxed): one stateless instance per model and operation, so nothing is allocated per
 * item. A converter's own failure leaves wrapped in {@link ConverterFailure}, so that the model can
 * tell it from a constructor's.
 *
 * <p>The common case (a present, non-NULL attribute of a field whose converter has an unboxed path)
 * reads straight from per-slot arrays resolved once per model: the attribute name and the codec,
 * without going through the field; anything else takes the field's full path. The generated code
 * looks the attribute up itself, so that each typed conversion stays small enough for the JIT
 * compiler to inline (see {@link FieldReader}).
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

    /** What every reader of one model shares: the fields and their names and codecs, by slot. */
    // arrays for indexed access on the per-item path; never compared or hashed
    @SuppressWarnings("ArrayRecordComponent")
    record Slots(ReflectiveField[] fields, String[] names, Object[] codecs, long plain) {

        static Slots of(ReflectiveField[] bySlot) {
            int n = bySlot.length;
            String[] names = new String[n];
            // one array of Object, not one per codec interface: allocating a StringCodec[] loads
            // StringCodec, which a model whose fields have built-in stand-ins never needs
            Object[] codecs = new Object[n];
            for (int i = 0; i < n; i++) {
                ReflectiveField f = bySlot[i];
                // an unmapped property reads as absent whatever its attribute: any non-null name
                names[i] = f == null ? "" : f.attributeName();
                if (f != null) {
                    codecs[i] = f.codec();
                }
            }
            return new Slots(bySlot, names, codecs, plain(bySlot));
        }

        /** The fields that {@link dev.dynamorm.spi.schema.PlainReads} may read itself. */
        private static long plain(ReflectiveField[] bySlot) {
            long plain = 0L;
            for (int i = 0; i < bySlot.length && i < 64; i++) {
                ReflectiveField f = bySlot[i];
                if (f != null && f.plain()) {
                    plain |= 1L << i;
                }
            }
            return plain;
        }
    }

    private final Class<?> type;
    private final ReflectiveField[] bySlot;
    private final String[] names;

    /** Each field's codec (the one of its type), or null. */
    private final Object[] codecs;

    private final long plain;
    private final Operation operation;

    SchemaItemReader(Class<?> type, Slots slots, Operation operation) {
        this.type = type;
        this.bySlot = slots.fields();
        this.names = slots.names();
        this.codecs = slots.codecs();
        this.plain = slots.plain();
        this.operation = operation;
    }

    /** Whether the codec path applies: a present attribute that is not the DynamoDB NULL. */
    private static boolean plain(AttributeValue v) {
        return v != null && !Boolean.TRUE.equals(v.nul());
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
    public long plainFields() {
        return plain;
    }

    /**
     * The names a generated read method assumes and what {@link #plainFields(String[])} answers for
     * them: checked once per array, then one identity comparison per item. Immutable, so that a
     * racing reader sees either the old or the new answer, both right.
     */
    private static final class NamesChecked {
        final String[] names;
        final long plain;

        NamesChecked(String[] names, long plain) {
            this.names = names;
            this.plain = plain;
        }
    }

    private NamesChecked namesChecked;

    @Override
    public long plainFields(String[] attributeNames) {
        NamesChecked c = namesChecked;
        if (c == null || c.names != attributeNames) {
            c = new NamesChecked(attributeNames, sameNames(attributeNames) ? plain : 0L);
            namesChecked = c;
        }
        return c.plain;
    }

    /**
     * Whether every given name is the attribute of the field at its index (and no field is left).
     */
    private boolean sameNames(String[] attributeNames) {
        if (attributeNames.length != names.length) {
            return false;
        }
        for (int i = 0; i < names.length; i++) {
            if (bySlot[i] == null || !names[i].equals(attributeNames[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String attributeName(int field) {
        return names[field];
    }

    @Override
    public String readString(AttributeValue v, int field) {
        Object c = codecs[field];
        if (c != null && plain(v)) {
            try {
                return ((StringCodec) c).decodeString(v);
            } catch (RuntimeException e) {
                throw codecFailure(e, field);
            }
        }
        return readStringThroughField(v, field);
    }

    private String readStringThroughField(AttributeValue v, int field) {
        ReflectiveField f = bySlot[field];
        if (f == null) {
            return null;
        }
        try {
            return f.decodeString(v, operation);
        } catch (InvalidRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConverterFailure(e);
        }
    }

    @Override
    public long readLong(AttributeValue v, int field) {
        Object c = codecs[field];
        if (c != null && plain(v)) {
            try {
                return ((LongCodec) c).decodeLong(v);
            } catch (RuntimeException e) {
                throw codecFailure(e, field);
            }
        }
        return readLongThroughField(v, field);
    }

    private long readLongThroughField(AttributeValue v, int field) {
        ReflectiveField f = bySlot[field];
        if (f == null) {
            return 0L;
        }
        try {
            return f.decodeLong(v, operation);
        } catch (InvalidRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConverterFailure(e);
        }
    }

    @Override
    public double readDouble(AttributeValue v, int field) {
        Object c = codecs[field];
        if (c != null && plain(v)) {
            try {
                return ((DoubleCodec) c).decodeDouble(v);
            } catch (RuntimeException e) {
                throw codecFailure(e, field);
            }
        }
        return readDoubleThroughField(v, field);
    }

    private double readDoubleThroughField(AttributeValue v, int field) {
        ReflectiveField f = bySlot[field];
        if (f == null) {
            return 0.0;
        }
        try {
            return f.decodeDouble(v, operation);
        } catch (InvalidRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConverterFailure(e);
        }
    }

    @Override
    public float readFloat(AttributeValue v, int field) {
        ReflectiveField f = bySlot[field];
        if (f == null) {
            return 0.0f;
        }
        try {
            return f.decodeFloat(v, operation);
        } catch (InvalidRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConverterFailure(e);
        }
    }

    @Override
    public boolean readBoolean(AttributeValue v, int field) {
        Object c = codecs[field];
        if (c != null && plain(v)) {
            try {
                return ((BooleanCodec) c).decodeBoolean(v);
            } catch (RuntimeException e) {
                throw codecFailure(e, field);
            }
        }
        return readBooleanThroughField(v, field);
    }

    private boolean readBooleanThroughField(AttributeValue v, int field) {
        ReflectiveField f = bySlot[field];
        if (f == null) {
            return false;
        }
        try {
            return f.decodeBoolean(v, operation);
        } catch (InvalidRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConverterFailure(e);
        }
    }

    /**
     * What a codec threw: a type mismatch or unreadable value becomes the field's read failure,
     * anything else leaves as the converter's own failure. Out of line, so that the per-field
     * methods stay small enough to inline into the generated code.
     */
    private RuntimeException codecFailure(RuntimeException e, int field) {
        if (e instanceof IllegalArgumentException || e instanceof ClassCastException) {
            return bySlot[field].readFailure(e, operation);
        }
        return new ConverterFailure(e);
    }

    @Override
    public RuntimeException setterFailed(int field, RuntimeException failure) {
        ReflectiveField f = bySlot[field];
        String name = f == null ? String.valueOf(field) : f.name();
        return ReflectiveModel.creationFailure(
                type, failure, "the setter of field '" + name + "'", operation);
    }
}
