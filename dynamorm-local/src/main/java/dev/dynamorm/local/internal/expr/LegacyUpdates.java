package dev.dynamorm.local.internal.expr;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.value.Value;
import dev.dynamorm.local.internal.wire.AttributeCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The legacy {@code AttributeUpdates} of UpdateItem as an {@link UpdateExpression}: PUT is SET,
 * DELETE without a value is REMOVE, DELETE with a set is DELETE, ADD of a number or set is ADD and
 * ADD of a list appends to the list (creating it when absent).
 */
public final class LegacyUpdates {
    /**
     * The message DynamoDB gives when a legacy ADD or DELETE meets an attribute of another type.
     */
    public static final String TYPE_MISMATCH = "Type mismatch for attribute to update";

    private static final Set<String> SETS = Set.of("SS", "NS", "BS");

    private LegacyUpdates() {}

    /** Translates {@code updates}; null when absent. */
    public static UpdateExpression translate(Legacy legacy, Map<String, Object> updates) {
        if (updates == null) {
            return null;
        }
        String invalid = "One or more parameter values were invalid: ";
        List<UpdateExpression.SetAction> sets = new ArrayList<>();
        List<Path> removes = new ArrayList<>();
        List<UpdateExpression.SetAction> adds = new ArrayList<>();
        List<UpdateExpression.SetAction> deletes = new ArrayList<>();
        for (Map.Entry<String, Object> e : updates.entrySet()) {
            String attribute = e.getKey();
            Map<String, Object> u = Legacy.entry(e.getValue());
            String action = u.get("Action") == null ? "PUT" : String.valueOf(u.get("Action"));
            if (!Set.of("ADD", "PUT", "DELETE").contains(action)) {
                throw DynamoException.validation(
                        "1 validation error detected: Value '"
                                + action
                                + "' at 'attributeUpdates."
                                + attribute
                                + ".member.action' failed to satisfy constraint: Member must satisfy enum value set: [ADD, PUT, DELETE]");
            }
            Value value = u.get("Value") == null ? null : AttributeCodec.value(u.get("Value"));
            if (value == null) {
                if (!action.equals("DELETE")) {
                    throw DynamoException.validation(
                            invalid
                                    + "Only DELETE action is allowed when no attribute value is specified");
                }
                removes.add(legacy.path(attribute));
                continue;
            }
            switch (action) {
                case "DELETE" -> {
                    if (!SETS.contains(value.type())) {
                        throw DynamoException.validation(
                                invalid
                                        + "DELETE action with value is not supported for the type "
                                        + value.type());
                    }
                    deletes.add(
                            new UpdateExpression.SetAction(
                                    legacy.path(attribute), legacy.value(value)));
                }
                case "ADD" -> {
                    if (value instanceof Value.L) {
                        Path path = legacy.path(attribute);
                        Operand existing =
                                new Operand.IfNotExists(path, legacy.value(new Value.L(List.of())));
                        sets.add(
                                new UpdateExpression.SetAction(
                                        path,
                                        new Operand.ListAppend(existing, legacy.value(value))));
                    } else if (value instanceof Value.N || SETS.contains(value.type())) {
                        adds.add(
                                new UpdateExpression.SetAction(
                                        legacy.path(attribute), legacy.value(value)));
                    } else {
                        throw DynamoException.validation(
                                invalid
                                        + "ADD action is not supported for the type "
                                        + value.type());
                    }
                }
                default ->
                        sets.add(
                                new UpdateExpression.SetAction(
                                        legacy.path(attribute), legacy.value(value)));
            }
        }
        return new UpdateExpression(sets, removes, adds, deletes);
    }
}
