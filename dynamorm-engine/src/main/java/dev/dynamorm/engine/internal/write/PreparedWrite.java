package dev.dynamorm.engine.internal.write;

import dev.dynamorm.Operation;
import dev.dynamorm.engine.internal.expr.Expression;
import dev.dynamorm.engine.internal.expr.UpdateWrites;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One checked, compiled write, ready to send alone or as an action of a transaction. Its update and
 * condition are compiled {@link Expression}s: the request carries their texts and the union of
 * their placeholders, and whoever amends the request (hooks, unique-value guards) combines the
 * expressions rather than their texts.
 *
 * @param op CREATE, PUT, UPDATE, DELETE, or CONDITION_CHECK
 * @param table the table written
 * @param key the item's key
 * @param item the whole item, for CREATE and PUT
 * @param update the update expression, for UPDATE; null otherwise
 * @param condition the condition expression, or null
 * @param expectedVersion the version the write expects to find (0 for none stored), or null when
 *     unchecked
 * @param userCondition whether the condition includes one the caller gave
 * @param requireExists whether the condition requires the item to exist
 * @param written the item as the write stores it, or null when unknown
 * @param size the item's size as DynamoDB counts it (0 when not a whole item)
 */
public record PreparedWrite(
        Operation op,
        TableContext<?> table,
        Map<String, AttributeValue> key,
        Map<String, AttributeValue> item,
        Expression update,
        Expression condition,
        Long expectedVersion,
        boolean userCondition,
        boolean requireExists,
        Object written,
        long size) {

    /**
     * What an UPDATE writes, as compiled (for hooks).
     *
     * @return the update's writes, or null for other writes
     */
    public UpdateWrites updateWrites() {
        return update == null ? null : update.writes();
    }

    /**
     * The expression attribute names of the request (of both expressions).
     *
     * @return placeholder to name, or null when none
     */
    public Map<String, String> names() {
        return Expression.requestNames(update, condition);
    }

    /**
     * The expression attribute values of the request (of both expressions).
     *
     * @return placeholder to value, or null when none
     */
    public Map<String, AttributeValue> values() {
        return Expression.requestValues(update, condition);
    }

    /**
     * This write with another condition.
     *
     * @param replaced the condition that replaces this write's
     * @return the write
     */
    public PreparedWrite withCondition(Expression replaced) {
        return new PreparedWrite(
                op,
                table,
                key,
                item,
                update,
                replaced,
                expectedVersion,
                userCondition,
                requireExists,
                written,
                size);
    }
}
