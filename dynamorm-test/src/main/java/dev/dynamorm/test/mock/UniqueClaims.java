package dev.dynamorm.test.mock;

import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Key;
import dev.dynamorm.Operation;
import dev.dynamorm.ReturnValue;
import dev.dynamorm.UniqueConstraintException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code @Unique} values MockDB has seen written, per table: which item (by key) holds each
 * value. A write answered as a success claims its values, moves them when it changes them and frees
 * them when it deletes the item; a claim of a value another item holds fails with the engine's
 * {@link UniqueConstraintException} (and message) instead of the programmed answer. The engine's
 * refusals of what its sentinel items cannot serve (batch writes, return values, update actions
 * whose new value is unknown) are repeated before a call is matched. Thread-safe.
 */
final class UniqueClaims {

    /**
     * One write's effect on the claims.
     *
     * @param table the physical table
     * @param model the model named in messages
     * @param op the operation named in messages
     * @param owner the key of the item written
     * @param values unique attribute to its new value (null frees it); ignored when {@code deleted}
     * @param fields unique attribute to the Java field name, for messages
     * @param deleted whether the item is deleted (every value it holds is freed)
     */
    record Change(
            String table,
            Class<?> model,
            Operation op,
            Key owner,
            Map<String, Object> values,
            Map<String, String> fields,
            boolean deleted) {}

    private final Map<String, Map<String, Key>> byTable = new HashMap<>();

    /**
     * Applies writes that succeeded together, all or none.
     *
     * @throws UniqueConstraintException if one claims a value another item holds
     */
    synchronized void apply(List<Change> changes) {
        Map<String, Map<String, Key>> next = new HashMap<>();
        for (Map.Entry<String, Map<String, Key>> e : byTable.entrySet()) {
            next.put(e.getKey(), new HashMap<>(e.getValue()));
        }
        for (Change c : changes) {
            Map<String, Key> owners = next.computeIfAbsent(c.table(), t -> new HashMap<>());
            if (c.deleted()) {
                owners.values().removeIf(c.owner()::equals);
                continue;
            }
            for (Map.Entry<String, Object> v : c.values().entrySet()) {
                String prefix = v.getKey() + "#";
                for (Iterator<Map.Entry<String, Key>> it = owners.entrySet().iterator();
                        it.hasNext(); ) {
                    Map.Entry<String, Key> held = it.next();
                    if (held.getKey().startsWith(prefix) && held.getValue().equals(c.owner())) {
                        it.remove();
                    }
                }
                if (v.getValue() == null) {
                    continue;
                }
                String claim = prefix + canonical(v.getValue());
                Key holder = owners.putIfAbsent(claim, c.owner());
                if (holder != null && !holder.equals(c.owner())) {
                    throw taken(c, c.fields().get(v.getKey()), v.getValue());
                }
            }
        }
        byTable.clear();
        byTable.putAll(next);
    }

    /** Forgets every claim. */
    synchronized void reset() {
        byTable.clear();
    }

    /** The engine's text of a unique value: numbers without trailing zeros, bytes in base 64. */
    private static String canonical(Object value) {
        if (value instanceof Number n) {
            BigDecimal d = new BigDecimal(n.toString()).stripTrailingZeros();
            return d.signum() == 0 ? "0" : d.toPlainString();
        }
        if (value instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        return value.toString();
    }

    private static UniqueConstraintException taken(Change c, String field, Object value) {
        return new UniqueConstraintException(
                String.format(
                        Locale.ROOT,
                        "%s of model %s: @Unique field '%s' already has the value '%s' in another item of"
                                + " table '%s'; nothing was written",
                        c.op().name().toLowerCase(Locale.ROOT),
                        c.model().getName(),
                        field,
                        value,
                        c.table()),
                c.op(),
                c.model(),
                field,
                value,
                null);
    }

    /**
     * The engine's refusal of a write its sentinels cannot serve.
     *
     * @param model the model
     * @param field the first unique field
     * @param op the operation
     * @param what what cannot write the sentinel
     * @param instead what to do instead
     * @return the exception to throw
     */
    static InvalidRequestException refusal(
            Class<?> model, String field, Operation op, String what, String instead) {
        return new InvalidRequestException(
                String.format(
                        Locale.ROOT,
                        "model %s has @Unique field '%s', whose sentinel item must be written in the same"
                                + " transaction as the item: %s cannot do that; %s",
                        model.getName(),
                        field,
                        what,
                        instead),
                op,
                model,
                null);
    }

    /** Refuses a return value other than NONE on a model with unique fields, as the engine does. */
    static void requireNoReturnValue(
            Class<?> model, List<String> uniqueFields, Operation op, ReturnValue returnValue) {
        if (!uniqueFields.isEmpty() && returnValue != null && returnValue != ReturnValue.NONE) {
            throw refusal(
                    model,
                    uniqueFields.get(0),
                    op,
                    "a write returning " + returnValue + " (it is sent as TransactWriteItems)",
                    "use ReturnValue.NONE");
        }
    }

    /** The unique fields' names of a model class, for refusals. */
    static List<String> names(List<ModelTypes.UniqueField> fields) {
        List<String> out = new ArrayList<>(fields.size());
        for (ModelTypes.UniqueField f : fields) {
            out.add(f.name());
        }
        return out;
    }
}
