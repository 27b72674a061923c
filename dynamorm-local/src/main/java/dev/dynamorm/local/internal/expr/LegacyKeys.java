package dev.dynamorm.local.internal.expr;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.value.KeyDef;
import dev.dynamorm.local.internal.value.Value;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The legacy {@code KeyConditions} of Query: checked with the legacy API's own messages, then
 * turned into the same {@link KeyCondition} a KeyConditionExpression gives.
 */
public final class LegacyKeys {
    private static final Set<String> NOT_INDEXABLE =
            Set.of("NULL", "NOT_NULL", "NE", "CONTAINS", "NOT_CONTAINS", "IN");

    private LegacyKeys() {}

    /**
     * Translates {@code keyConditions} for the key schema {@code key} (of the table or of the
     * queried index).
     */
    public static KeyCondition analyze(
            Legacy legacy, Map<String, Object> keyConditions, KeyDef key) {
        Condition all = null;
        for (Map.Entry<String, Object> e : keyConditions.entrySet()) {
            Map<String, Object> c = Legacy.entry(e.getValue());
            String op = Legacy.operator(c, e.getKey(), "KeyConditions");
            Legacy.checkArguments(op, Legacy.values(c.get("AttributeValueList")), true);
        }
        int n = keyConditions.size();
        if (key.multiAttribute()) {
            for (Map.Entry<String, Object> e : keyConditions.entrySet()) {
                Condition part =
                        legacy.condition(e.getKey(), Legacy.entry(e.getValue()), "KeyConditions");
                all = all == null ? part : new Condition.And(all, part);
            }
            return KeyCondition.analyze(all, legacy.bindings(), key);
        }
        if (n != 1 && n != 2) {
            throw DynamoException.validation("Conditions can be of length 1 or 2 only");
        }
        List<String> schema =
                key.hasRange() ? List.of(key.hashName(), key.rangeName()) : List.of(key.hashName());
        for (String attr : schema) {
            boolean isHash = attr.equals(key.hashName());
            if (isHash && !key.hasRange() && n > 1) {
                throw DynamoException.validation("Query key condition not supported");
            }
            Map<String, Object> c = Legacy.entry(keyConditions.get(attr));
            if (!keyConditions.containsKey(attr)) {
                if (isHash || n > 1) {
                    throw DynamoException.validation(
                            "Query condition missed key schema element: " + attr);
                }
                continue;
            }
            String op = String.valueOf(c.get("ComparisonOperator"));
            if (NOT_INDEXABLE.contains(op)) {
                throw DynamoException.validation(
                        "Attempted conditional constraint is not an indexable operation");
            }
            String type = isHash ? key.hashType() : key.rangeType();
            for (Value v : Legacy.values(c.get("AttributeValueList"))) {
                if (!v.type().equals(type)) {
                    throw DynamoException.validation(
                            "One or more parameter values were invalid: Condition parameter type does not match schema type");
                }
            }
            if (isHash && !op.equals("EQ")) {
                throw DynamoException.validation("Query key condition not supported");
            }
            Condition part = legacy.condition(attr, c, "KeyConditions");
            all = all == null ? part : new Condition.And(all, part);
        }
        return KeyCondition.analyze(all, legacy.bindings(), key);
    }
}
