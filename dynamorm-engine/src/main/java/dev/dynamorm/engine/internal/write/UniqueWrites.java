package dev.dynamorm.engine.internal.write;

import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.ReturnValue;
import dev.dynamorm.UniqueConstraintException;
import dev.dynamorm.engine.internal.expr.AttributeValues;
import dev.dynamorm.engine.internal.expr.Conjunction;
import dev.dynamorm.engine.internal.expr.Expression;
import dev.dynamorm.engine.internal.expr.ExpressionBuilder;
import dev.dynamorm.engine.internal.expr.UpdateWrites;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.UniqueKeys;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Keeps the sentinel items of a model's {@code @Unique} fields (see {@link UniqueKeys}): turns one
 * prepared write into the actions of one transaction — the write, guarded by the unique values it
 * read, then a put of the sentinel of each value it claims ({@code attribute_not_exists}, so one
 * writer wins per value) and a delete of the sentinel of each value it gives up.
 *
 * @param <T> the model type
 */
final class UniqueWrites<T> {

    /**
     * A sentinel action.
     *
     * @param field the unique field
     * @param value the value whose sentinel is written
     * @param claim true for a put (the value is claimed), false for a delete
     */
    record Sentinel(FieldMetadata field, AttributeValue value, boolean claim) {}

    /**
     * One write with its sentinels.
     *
     * @param main the write, its condition extended by the guard on the values read
     * @param sentinels the sentinel actions
     * @param what what each sentinel action does, in the order of {@code sentinels}
     * @param guarded attribute name to the value read (null: absent) that the write's condition
     *     requires still to be stored
     */
    record Expansion(
            PreparedWrite main,
            List<PreparedWrite> sentinels,
            List<Sentinel> what,
            Map<String, AttributeValue> guarded) {

        /** The write and its sentinels, in transaction order. */
        List<PreparedWrite> actions() {
            List<PreparedWrite> out = new ArrayList<>(1 + sentinels.size());
            out.add(main);
            out.addAll(sentinels);
            return out;
        }

        /**
         * Whether a stored item (as a failed condition found it) no longer holds a guarded value.
         */
        boolean guardBroken(Map<String, AttributeValue> stored) {
            for (Map.Entry<String, AttributeValue> e : guarded.entrySet()) {
                AttributeValue now = stored == null ? null : stored.get(e.getKey());
                if (!same(e.getValue(), now)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final TableContext<T> table;
    private final List<FieldMetadata> fields;

    UniqueWrites(TableContext<T> table) {
        this.table = table;
        this.fields = UniqueKeys.fields(table.model());
    }

    /** Whether the model has unique fields. */
    boolean active() {
        return !fields.isEmpty();
    }

    /**
     * Refuses what the sentinels cannot serve: batch writes, the batch writer, return values.
     *
     * @param what the kind of write, e.g. "a batch write"
     */
    void refuse(Operation op, String what, String instead) {
        if (active()) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "model %s has @Unique field '%s', whose sentinel item must be written in the same"
                                    + " transaction as the item: %s cannot do that; %s",
                            table.model().type().getName(),
                            fields.get(0).name(),
                            what,
                            instead),
                    op,
                    table.model().type(),
                    null);
        }
    }

    /** Refuses a return value other than NONE (the write is a transaction, which returns none). */
    void requireNoReturnValue(Operation op, ReturnValue returnValue) {
        if (returnValue != null && returnValue != ReturnValue.NONE) {
            refuse(
                    op,
                    "a write returning " + returnValue + " (it is sent as TransactWriteItems)",
                    "use ReturnValue.NONE");
        }
    }

    /**
     * Refuses update actions on a unique field other than a plain {@code set} of a value or a
     * {@code remove}: the new value must be known to move the sentinel.
     */
    void requireKnownValue(String field, String action) {
        for (FieldMetadata f : fields) {
            if (f.name().equals(field)) {
                refuse(
                        Operation.UPDATE,
                        "'" + action + "' on it (the new value must be known)",
                        "use set(\"" + field + "\", value) or remove(\"" + field + "\")");
            }
        }
    }

    /**
     * The write with its sentinels. A put, update or delete first reads the stored unique values
     * (consistently); the write is then conditioned on them still being stored.
     */
    Expansion expand(PreparedWrite p) {
        return expand(p, readsStored(p) ? stored(p.key(), p.op()) : Map.of());
    }

    /**
     * Whether {@link #expand(PreparedWrite)} reads the stored unique values first: the write is not
     * a create and touches a unique field. The async path reads them with {@link #storedRequest}.
     */
    boolean readsStored(PreparedWrite p) {
        return p.op() != Operation.CREATE && !touched(p, new HashMap<>()).isEmpty();
    }

    /** The unique fields a write touches; fills {@code after} with the values it writes. */
    private List<FieldMetadata> touched(PreparedWrite p, Map<String, AttributeValue> after) {
        List<FieldMetadata> touched = new ArrayList<>(fields.size());
        switch (p.op()) {
            case CREATE, PUT -> {
                touched.addAll(fields);
                for (FieldMetadata f : fields) {
                    AttributeValue v = p.item().get(f.attributeName());
                    if (v != null) {
                        after.put(f.attributeName(), v);
                    }
                }
            }
            case UPDATE -> {
                UpdateWrites w = p.updateWrites() == null ? UpdateWrites.NONE : p.updateWrites();
                for (FieldMetadata f : fields) {
                    String placeholder = w.assigned().get(f.attributeName());
                    if (placeholder != null) {
                        touched.add(f);
                        after.put(f.attributeName(), p.update().values().get(placeholder));
                    } else if (w.changed().contains(f.attributeName())) {
                        touched.add(f); // removed (other actions are refused when compiled)
                    }
                }
            }
            case DELETE -> touched.addAll(fields);
            default -> {
                // a condition check writes nothing
            }
        }
        return touched;
    }

    /**
     * The write with its sentinels, given the unique values stored under its key (empty for a
     * create or when no item is stored), as {@link #stored} reads them.
     */
    Expansion expand(PreparedWrite p, Map<String, AttributeValue> before) {
        Map<String, AttributeValue> after = new HashMap<>();
        List<FieldMetadata> touched = touched(p, after);
        if (touched.isEmpty()) {
            return new Expansion(p, List.of(), List.of(), Map.of());
        }
        Map<String, AttributeValue> guarded = new HashMap<>();
        PreparedWrite main = p;
        if (p.op() != Operation.CREATE) {
            // own placeholder prefixes, so they cannot clash with the write's #nK / :vK
            ExpressionBuilder expr = new ExpressionBuilder("#un", ":un");
            Conjunction guard = new Conjunction();
            for (FieldMetadata f : touched) {
                AttributeValue old = before.get(f.attributeName());
                guarded.put(f.attributeName(), old);
                String name = expr.name(f.attributeName());
                guard.term(
                        old == null
                                ? "attribute_not_exists(" + name + ")"
                                : name + " = " + expr.value(old));
            }
            main = p.withCondition(Expression.and(p.condition(), expr.condition(guard)));
        }
        List<PreparedWrite> sentinels = new ArrayList<>();
        List<Sentinel> what = new ArrayList<>();
        for (FieldMetadata f : touched) {
            AttributeValue old = before.get(f.attributeName());
            AttributeValue now = after.get(f.attributeName());
            if (same(old, now)) {
                continue;
            }
            if (now != null) {
                sentinels.add(claim(f, now, p.key()));
                what.add(new Sentinel(f, now, true));
            }
            if (old != null) {
                sentinels.add(release(f, old));
                what.add(new Sentinel(f, old, false));
            }
        }
        return new Expansion(
                main,
                List.copyOf(sentinels),
                List.copyOf(what),
                Collections.unmodifiableMap(guarded));
    }

    /** The exception for a claim whose value another item holds. */
    UniqueConstraintException taken(Sentinel s, Operation op, Throwable cause) {
        Object value = s.field().fromAttributeValue(s.value());
        return new UniqueConstraintException(
                String.format(
                        Locale.ROOT,
                        "%s of model %s: @Unique field '%s' already has the value '%s' in another item of"
                                + " table '%s'; nothing was written",
                        op.name().toLowerCase(Locale.ROOT),
                        table.model().type().getName(),
                        s.field().name(),
                        value,
                        table.tableName()),
                op,
                table.model().type(),
                s.field().name(),
                value,
                cause);
    }

    private PreparedWrite claim(
            FieldMetadata f, AttributeValue value, Map<String, AttributeValue> owner) {
        Map<String, AttributeValue> item = new HashMap<>(sentinelKey(f, value));
        item.put(UniqueKeys.OWNER, AttributeValue.fromM(owner));
        ExpressionBuilder expr = new ExpressionBuilder();
        String condition =
                "attribute_not_exists("
                        + expr.name(table.model().partitionKey().attributeName())
                        + ")";
        return new PreparedWrite(
                Operation.CREATE,
                table,
                sentinelKey(f, value),
                item,
                null,
                expr.build(condition, null),
                null,
                false,
                false,
                null,
                ItemSize.of(item));
    }

    private PreparedWrite release(FieldMetadata f, AttributeValue value) {
        return new PreparedWrite(
                Operation.DELETE,
                table,
                sentinelKey(f, value),
                null,
                null,
                null,
                null,
                false,
                false,
                null,
                0);
    }

    private Map<String, AttributeValue> sentinelKey(FieldMetadata f, AttributeValue value) {
        AttributeValue k = AttributeValue.fromS(UniqueKeys.sentinelKey(f.attributeName(), value));
        Map<String, AttributeValue> key = new HashMap<>(4);
        key.put(table.model().partitionKey().attributeName(), k);
        table.model().sortKey().ifPresent(sk -> key.put(sk.attributeName(), k));
        return key;
    }

    /** The unique attributes stored under a key, read consistently; empty when no item is. */
    private Map<String, AttributeValue> stored(Map<String, AttributeValue> key, Operation op) {
        GetItemResponse response =
                table.context()
                        .executor()
                        .run(
                                table.event(Operation.GET, key),
                                storedRequest(key),
                                r -> table.context().client().getItem(r),
                                e -> table.map(e, op));
        return stored(response);
    }

    /** The consistent read of the unique attributes stored under a key. */
    GetItemRequest storedRequest(Map<String, AttributeValue> key) {
        ExpressionBuilder expr = new ExpressionBuilder();
        StringJoiner read = new StringJoiner(", ");
        key.keySet().forEach(k -> read.add(expr.name(k)));
        fields.forEach(f -> read.add(expr.name(f.attributeName())));
        Expression projection = expr.build(read.toString(), null);
        return GetItemRequest.builder()
                .tableName(table.tableName())
                .key(key)
                .consistentRead(true)
                .projectionExpression(projection.text())
                .expressionAttributeNames(projection.names())
                .build();
    }

    /** What the read of {@link #storedRequest} found: the stored attributes, empty when none. */
    static Map<String, AttributeValue> stored(GetItemResponse response) {
        return response.hasItem() ? response.item() : Map.of();
    }

    static boolean same(AttributeValue a, AttributeValue b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        return AttributeValues.same(a, b);
    }
}
