package dev.dynamorm.engine.internal.write;

import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Single-item writes sent idempotently: as a one-action TransactWriteItems whose client request
 * token every retry reuses, so DynamoDB applies the write at most once in ten minutes however many
 * answers are lost.
 */
final class IdempotentWrites {

    private IdempotentWrites() {}

    /**
     * The write as a one-action transaction with a new client request token.
     *
     * @param write a PutItem, UpdateItem or DeleteItem request
     */
    static TransactWriteItemsRequest of(DynamoDbRequest write) {
        TransactWriteItem action;
        if (write instanceof PutItemRequest r) {
            action =
                    TransactWriteItem.builder()
                            .put(
                                    Put.builder()
                                            .tableName(r.tableName())
                                            .item(r.item())
                                            .conditionExpression(r.conditionExpression())
                                            .expressionAttributeNames(
                                                    present(
                                                            r.hasExpressionAttributeNames(),
                                                            r.expressionAttributeNames()))
                                            .expressionAttributeValues(
                                                    present(
                                                            r.hasExpressionAttributeValues(),
                                                            r.expressionAttributeValues()))
                                            .returnValuesOnConditionCheckFailure(
                                                    onFailure(r.conditionExpression()))
                                            .build())
                            .build();
        } else if (write instanceof UpdateItemRequest r) {
            action =
                    TransactWriteItem.builder()
                            .update(
                                    Update.builder()
                                            .tableName(r.tableName())
                                            .key(r.key())
                                            .updateExpression(r.updateExpression())
                                            .conditionExpression(r.conditionExpression())
                                            .expressionAttributeNames(
                                                    present(
                                                            r.hasExpressionAttributeNames(),
                                                            r.expressionAttributeNames()))
                                            .expressionAttributeValues(
                                                    present(
                                                            r.hasExpressionAttributeValues(),
                                                            r.expressionAttributeValues()))
                                            .returnValuesOnConditionCheckFailure(
                                                    onFailure(r.conditionExpression()))
                                            .build())
                            .build();
        } else if (write instanceof DeleteItemRequest r) {
            action =
                    TransactWriteItem.builder()
                            .delete(
                                    Delete.builder()
                                            .tableName(r.tableName())
                                            .key(r.key())
                                            .conditionExpression(r.conditionExpression())
                                            .expressionAttributeNames(
                                                    present(
                                                            r.hasExpressionAttributeNames(),
                                                            r.expressionAttributeNames()))
                                            .expressionAttributeValues(
                                                    present(
                                                            r.hasExpressionAttributeValues(),
                                                            r.expressionAttributeValues()))
                                            .returnValuesOnConditionCheckFailure(
                                                    onFailure(r.conditionExpression()))
                                            .build())
                            .build();
        } else {
            throw new IllegalArgumentException(
                    "not a single-item write: " + write.getClass().getName());
        }
        return TransactWriteItemsRequest.builder()
                .transactItems(action)
                .clientRequestToken(UUID.randomUUID().toString())
                .build();
    }

    /** The SDK's "absent" collection as null, so the action leaves the parameter out. */
    private static <M> M present(boolean has, M value) {
        return has ? value : null;
    }

    private static String onFailure(String condition) {
        return condition == null ? null : "ALL_OLD";
    }

    /**
     * The failure of the one action as the plain write's failure: a cancellation by its condition
     * becomes a ConditionalCheckFailedException carrying the stored item, so it maps like the plain
     * write's (exists, not found, version conflict).
     */
    static SdkException unwrap(SdkException e) {
        if (e instanceof TransactionCanceledException tce && tce.hasCancellationReasons()) {
            List<CancellationReason> reasons = tce.cancellationReasons();
            if (reasons.size() == 1 && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                CancellationReason r = reasons.get(0);
                String message =
                        r.message() == null ? "The conditional request failed" : r.message();
                return ConditionalCheckFailedException.builder()
                        .message(message)
                        .item(r.hasItem() ? r.item() : null)
                        .statusCode(400)
                        .awsErrorDetails(
                                AwsErrorDetails.builder()
                                        .errorCode("ConditionalCheckFailedException")
                                        .errorMessage(message)
                                        .build())
                        .cause(e)
                        .build();
            }
        }
        return e;
    }
}
