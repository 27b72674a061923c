package dev.dynamorm.engine.internal.expr;

import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import java.util.Locale;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Binds the values of one condition's slots in order, the same way for queries and writes: through
 * the field's converter, by the value's own type, as a size or as an attribute type; the upper
 * bound of a range is checked against the lower one. Not thread-safe: one per bind.
 */
public final class SlotValues {

    private final ValueBinder binder;
    private final Class<?> type;
    private final Operation op;
    private AttributeValue previous;
    private Object previousRaw;

    /**
     * Starts binding.
     *
     * @param binder the value binder
     * @param type the model class, for messages
     * @param op the operation, for messages
     */
    public SlotValues(ValueBinder binder, Class<?> type, Operation op) {
        this.binder = binder;
        this.type = type;
        this.op = op;
    }

    /**
     * Binds the next slot's value.
     *
     * @param slot the slot
     * @param v the value the caller gave
     * @return the bound value
     * @throws InvalidRequestException when the value does not fit or a range is inverted
     */
    public AttributeValue bind(Slot slot, Object v) {
        AttributeValue av;
        switch (slot.mode()) {
            case FIELD -> av = binder.bind(type, op, slot.javaPath(), slot.field(), v);
            case ELEMENT -> av = binder.bindElement(type, op, slot.javaPath(), v);
            case SIZE -> {
                if (!(v instanceof Number n)) {
                    throw new InvalidRequestException(
                            String.format(
                                    Locale.ROOT,
                                    "SIZE on field '%s' of model %s compares with a number, got %s",
                                    slot.javaPath(),
                                    type.getName(),
                                    v == null
                                            ? "null"
                                            : v + " (" + v.getClass().getSimpleName() + ")"),
                            op,
                            type,
                            null);
                }
                av = AttributeValue.createN(ValueBinder.numberText(n));
            }
            default -> av = AttributeValue.createS((String) v);
        }
        if (slot.rangeHigh() && AttributeValues.compare(previous, av) > 0) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "BETWEEN on field '%s' of model %s has low %s greater than high %s",
                            slot.javaPath(),
                            type.getName(),
                            previousRaw,
                            v),
                    op,
                    type,
                    null);
        }
        previous = av;
        previousRaw = v;
        return av;
    }
}
