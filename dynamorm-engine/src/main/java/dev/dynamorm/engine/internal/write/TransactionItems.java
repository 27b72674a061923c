package dev.dynamorm.engine.internal.write;

import dev.dynamorm.engine.internal.expr.Expression;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The action of a transaction for one prepared write: its item or key, its expressions' texts and
 * their placeholders, and the stored item asked for when its condition fails.
 */
final class TransactionItems {

    private TransactionItems() {}

    /**
     * The action of one write.
     *
     * @param p the write
     * @return its TransactWriteItem
     */
    static TransactWriteItem of(PreparedWrite p) {
        String table = p.table().tableName();
        Map<String, String> names = p.names();
        Map<String, AttributeValue> values = p.values();
        String condition = Expression.textOf(p.condition());
        ReturnValuesOnConditionCheckFailure old =
                p.condition() == null ? null : ReturnValuesOnConditionCheckFailure.ALL_OLD;
        return switch (p.op()) {
            case CREATE, PUT ->
                    TransactWriteItem.builder()
                            .put(
                                    Put.builder()
                                            .tableName(table)
                                            .item(p.item())
                                            .conditionExpression(condition)
                                            .expressionAttributeNames(names)
                                            .expressionAttributeValues(values)
                                            .returnValuesOnConditionCheckFailure(old)
                                            .build())
                            .build();
            case UPDATE ->
                    TransactWriteItem.builder()
                            .update(
                                    Update.builder()
                                            .tableName(table)
                                            .key(p.key())
                                            .updateExpression(p.update().text())
                                            .conditionExpression(condition)
                                            .expressionAttributeNames(names)
                                            .expressionAttributeValues(values)
                                            .returnValuesOnConditionCheckFailure(old)
                                            .build())
                            .build();
            case DELETE ->
                    TransactWriteItem.builder()
                            .delete(
                                    Delete.builder()
                                            .tableName(table)
                                            .key(p.key())
                                            .conditionExpression(condition)
                                            .expressionAttributeNames(names)
                                            .expressionAttributeValues(values)
                                            .returnValuesOnConditionCheckFailure(old)
                                            .build())
                            .build();
            default ->
                    TransactWriteItem.builder()
                            .conditionCheck(
                                    ConditionCheck.builder()
                                            .tableName(table)
                                            .key(p.key())
                                            .conditionExpression(condition)
                                            .expressionAttributeNames(names)
                                            .expressionAttributeValues(values)
                                            .returnValuesOnConditionCheckFailure(old)
                                            .build())
                            .build();
        };
    }
}
