package dev.dynamorm.engine.internal.client;

import dev.dynamorm.ConditionFailedException;
import dev.dynamorm.DynamORMException;
import dev.dynamorm.Operation;
import dev.dynamorm.OutcomeUnknownException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How the {@link Executor} may retry one single-item write after an ambiguous failure (its answer
 * lost: a dropped connection, a timeout, a 5xx), when the write may already be applied.
 *
 * @param resendable whether sending the same request again cannot apply the write twice (plain puts
 *     and deletes, conditional and versioned writes, writes sent with a client request token); a
 *     write that is not resendable raises {@link OutcomeUnknownException} at once
 * @param ownWrite given the condition failure of a retry, whether the stored item is the write's
 *     own earlier attempt (then the write succeeded)
 * @param applied the response to return when the retry met its own write
 * @param op the operation
 * @param model the model, or null
 * @param write the write as named in messages (table, key and expression), built only when a
 *     message needs it
 * @param <R> the SDK response type
 */
public record WriteRetry<R>(
        boolean resendable,
        Predicate<ConditionFailedException> ownWrite,
        Supplier<R> applied,
        Operation op,
        Class<?> model,
        Supplier<String> write) {

    /** The exception for a write whose answer was lost and that was not, or not surely, applied. */
    OutcomeUnknownException unknown(DynamORMException failure, boolean resent) {
        String write = this.write.get();
        String message =
                String.format(
                        Locale.ROOT,
                        "%s %s: the outcome is unknown: an answer was lost (%s)%s; the write may or"
                                + " may not be applied: read the item to find out, or send the"
                                + " write idempotently (UpdateBuilder.idempotent() or"
                                + " WriteOptions.idempotently())",
                        op.name().toLowerCase(Locale.ROOT),
                        write,
                        failure.getMessage(),
                        resent
                                ? " and a retry could not tell whether the earlier attempt applied"
                                : " and the write is not idempotent (an arithmetic update, a list"
                                        + " append or a set add), so it was not sent again");
        return new OutcomeUnknownException(message, op, model, write, failure);
    }

    /**
     * Whether two items are equal as DynamoDB stores them: numbers compare by value ({@code 1.50}
     * is stored as {@code 1.5}).
     */
    public static boolean sameItem(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        return a != null && b != null && canonical(a).equals(canonical(b));
    }

    private static Map<String, Object> canonical(Map<String, AttributeValue> item) {
        Map<String, Object> out = new HashMap<>();
        item.forEach((k, v) -> out.put(k, canonical(v)));
        return out;
    }

    private static Object canonical(AttributeValue v) {
        if (v.n() != null) {
            return new BigDecimal(v.n()).stripTrailingZeros();
        }
        if (v.hasM()) {
            return canonical(v.m());
        }
        if (v.hasL()) {
            return v.l().stream().map(WriteRetry::canonical).toList();
        }
        if (v.hasNs()) {
            return new HashSet<>(
                    v.ns().stream().map(n -> new BigDecimal(n).stripTrailingZeros()).toList());
        }
        if (v.hasSs()) {
            return new HashSet<>(v.ss());
        }
        if (v.hasBs()) {
            return new HashSet<>(v.bs());
        }
        return List.of(v);
    }
}
