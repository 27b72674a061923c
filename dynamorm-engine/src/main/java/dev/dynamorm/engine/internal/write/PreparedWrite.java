package dev.dynamorm.engine.internal.write;

import dev.dynamorm.Operation;
import dev.dynamorm.engine.internal.expr.ExpressionBuilder;
import dev.dynamorm.engine.internal.expr.UpdateWrites;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One checked, compiled write, ready to send alone or as an action of a transaction.
 *
 * @param op CREATE, PUT, UPDATE, DELETE, or CONDITION_CHECK
 * @param table the table written
 * @param key the item's key
 * @param item the whole item, for CREATE and PUT
 * @param update the update expression, for UPDATE
 * @param condition the condition expression, or null
 * @param expr the placeholders of both expressions
 * @param expectedVersion the version the write expects to find (0 for none stored), or null when
 *     unchecked
 * @param userCondition whether the condition includes one the caller gave
 * @param requireExists whether the condition requires the item to exist
 * @param written the item as the write stores it, or null when unknown
 * @param size the item's size as DynamoDB counts it (0 when not a whole item)
 * @param updateWrites what an UPDATE writes, as compiled (for hooks), or null for other writes
 */
public record PreparedWrite(
        Operation op,
        TableContext<?> table,
        Map<String, AttributeValue> key,
        Map<String, AttributeValue> item,
        String update,
        String condition,
        ExpressionBuilder expr,
        Long expectedVersion,
        boolean userCondition,
        boolean requireExists,
        Object written,
        long size,
        UpdateWrites updateWrites) {

    /**
     * A write that is not a compiled update.
     *
     * @param op the operation
     * @param table the table written
     * @param key the item's key
     * @param item the whole item, for CREATE and PUT
     * @param update the update expression, for UPDATE
     * @param condition the condition expression, or null
     * @param expr the placeholders of both expressions
     * @param expectedVersion the version the write expects, or null when unchecked
     * @param userCondition whether the condition includes one the caller gave
     * @param requireExists whether the condition requires the item to exist
     * @param written the item as the write stores it, or null when unknown
     * @param size the item's size as DynamoDB counts it (0 when not a whole item)
     */
    public PreparedWrite(
            Operation op,
            TableContext<?> table,
            Map<String, AttributeValue> key,
            Map<String, AttributeValue> item,
            String update,
            String condition,
            ExpressionBuilder expr,
            Long expectedVersion,
            boolean userCondition,
            boolean requireExists,
            Object written,
            long size) {
        this(
                op,
                table,
                key,
                item,
                update,
                condition,
                expr,
                expectedVersion,
                userCondition,
                requireExists,
                written,
                size,
                null);
    }
}
