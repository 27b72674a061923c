package dev.dynamorm.local.internal.expr;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.value.KeyDef;
import dev.dynamorm.local.internal.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Key conditions on a multi-attribute key, with DynamoDB's rules: equality on every partition
 * attribute; sort attributes from left to right without a gap, equality on all but the last one
 * given, which may use any sort key comparison ({@code begins_with} included).
 */
final class CompositeKeys {
    private CompositeKeys() {}

    static KeyCondition analyze(List<KeyCondition.Part> parts, KeyDef key) {
        Map<String, KeyCondition.Part> byAttr = new HashMap<>();
        parts.forEach(p -> byAttr.put(p.attr(), p));
        List<Value> hash = new ArrayList<>();
        for (KeyDef.KeyPart h : key.hashParts()) {
            KeyCondition.Part p = byAttr.remove(h.name());
            if (p == null) {
                throw DynamoException.validation(
                        "Query condition missed key schema element: " + h.name());
            }
            if (p.op() != KeyCondition.Op.EQ) {
                throw DynamoException.validation("Query key condition not supported");
            }
            KeyCondition.checkType(p.v1(), h.type());
            hash.add(p.v1());
        }
        List<KeyCondition.Part> sort = new ArrayList<>();
        for (KeyDef.KeyPart r : key.rangeParts()) {
            KeyCondition.Part p = byAttr.remove(r.name());
            if (p == null) {
                break;
            }
            KeyCondition.checkSortOperands(p, r.type());
            sort.add(p);
        }
        if (!byAttr.isEmpty()) {
            // a condition on a later sort attribute after a gap, or on a non-key attribute
            throw DynamoException.validation(
                    byAttr.keySet().stream().anyMatch(a -> key.names().contains(a))
                            ? "Query key condition not supported"
                            : "Query condition missed key schema element: "
                                    + (sort.size() < key.rangeParts().size()
                                            ? key.rangeParts().get(sort.size()).name()
                                            : key.hashName()));
        }
        List<Value> prefix = new ArrayList<>();
        for (int i = 0; i < sort.size() - 1; i++) {
            if (sort.get(i).op() != KeyCondition.Op.EQ) {
                // only the last sort condition may be a range or begins_with
                throw DynamoException.validation("Query key condition not supported");
            }
            prefix.add(sort.get(i).v1());
        }
        KeyCondition.Part last = sort.isEmpty() ? null : sort.get(sort.size() - 1);
        return new KeyCondition(
                KeyDef.composite(hash),
                last == null ? KeyCondition.Op.NONE : last.op(),
                last == null ? null : last.v1(),
                last == null ? null : last.v2(),
                prefix,
                true);
    }
}
