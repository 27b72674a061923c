package dev.dynamorm.engine.internal.expr;

import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Checks the amount an update adds to a whole-number field ({@code int}, {@code long}, {@link
 * BigInteger}…): a fraction, or an amount no value of the field's type can hold, would store a
 * number that no later read can map back to the field.
 */
final class WholeNumbers {

    /** The range of each bounded whole-number type. */
    private static final Map<Class<?>, long[]> RANGES =
            Map.ofEntries(
                    Map.entry(byte.class, new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE}),
                    Map.entry(Byte.class, new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE}),
                    Map.entry(short.class, new long[] {Short.MIN_VALUE, Short.MAX_VALUE}),
                    Map.entry(Short.class, new long[] {Short.MIN_VALUE, Short.MAX_VALUE}),
                    Map.entry(int.class, new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE}),
                    Map.entry(Integer.class, new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE}),
                    Map.entry(long.class, new long[] {Long.MIN_VALUE, Long.MAX_VALUE}),
                    Map.entry(Long.class, new long[] {Long.MIN_VALUE, Long.MAX_VALUE}));

    private WholeNumbers() {}

    /**
     * Returns {@code amount} when it fits the whole-number field {@code leaf} (or the field holds
     * other numbers).
     *
     * @throws InvalidRequestException when the amount is a fraction or out of the type's range
     */
    static AttributeValue fit(
            FieldMetadata leaf, String javaPath, ModelMetadata<?> model, AttributeValue amount) {
        Class<?> type = leaf.rawType();
        long[] range = RANGES.get(type);
        if (range == null && type != BigInteger.class) {
            return amount;
        }
        BigDecimal d = new BigDecimal(amount.n());
        String problem = null;
        if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
            problem = "the amount must be a whole number";
        } else if (range != null
                && (d.compareTo(BigDecimal.valueOf(range[0])) < 0
                        || d.compareTo(BigDecimal.valueOf(range[1])) > 0)) {
            problem = "the amount must lie in " + range[0] + ".." + range[1];
        }
        if (problem == null) {
            return amount;
        }
        throw new InvalidRequestException(
                String.format(
                        Locale.ROOT,
                        "cannot add %s to field '%s' of model %s, which is %s: %s (the stored number "
                                + "would not read back into the field)",
                        amount.n(),
                        javaPath,
                        model.type().getName(),
                        leaf.genericType().getTypeName(),
                        problem),
                Operation.UPDATE,
                model.type(),
                null);
    }
}
