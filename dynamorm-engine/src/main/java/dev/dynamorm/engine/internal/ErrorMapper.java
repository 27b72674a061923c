package dev.dynamorm.engine.internal;

import dev.dynamorm.ConditionFailedException;
import dev.dynamorm.DynamORMException;
import dev.dynamorm.DynamoServiceException;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.ItemTooLargeException;
import dev.dynamorm.Operation;
import dev.dynamorm.TableInUseException;
import dev.dynamorm.TableNotFoundException;
import dev.dynamorm.ThrottledException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionSizeLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Maps AWS SDK errors to the DynamORM exception hierarchy, keeping the AWS error as the cause. */
final class ErrorMapper {

    private static final Set<String> THROTTLING = Set.of("ProvisionedThroughputExceededException",
            "RequestLimitExceeded", "ThrottlingException", "Throttling", "TooManyRequestsException");
    private static final Set<String> RETRYABLE = Set.of("TransactionConflictException",
            "TransactionInProgressException", "InternalServerError", "ServiceUnavailable",
            "LimitExceededException");

    private ErrorMapper() {
    }

    /**
     * Maps a failure of a request.
     *
     * @param e the SDK failure
     * @param op the operation
     * @param model the model class, or null
     * @param table the table name, or null
     * @param mapper turns a returned item into a model for condition failures, or null
     */
    static DynamORMException map(SdkException e, Operation op, Class<?> model, String table,
            java.util.function.Function<Map<String, AttributeValue>, Object> mapper) {
        String where = table == null ? "" : " on table '" + table + "'";
        String modelName = model == null ? "" : " (model " + model.getName() + ")";
        String awsMessage = e instanceof AwsServiceException ase && ase.awsErrorDetails() != null
                ? ase.awsErrorDetails().errorMessage() : e.getMessage();
        String message = String.format(Locale.ROOT, "%s%s%s failed: %s", op.name().toLowerCase(Locale.ROOT), where,
                modelName, awsMessage);
        if (e instanceof ConditionalCheckFailedException ccf) {
            Map<String, AttributeValue> item = ccf.hasItem() ? ccf.item() : null;
            Object stored = item != null && mapper != null ? safeMap(mapper, item) : null;
            return new ConditionFailedException(message, op, model, item, stored, e);
        }
        if (e instanceof ResourceNotFoundException) {
            return new TableNotFoundException(String.format(Locale.ROOT, "%s%s%s failed: table not found (%s)",
                    op.name().toLowerCase(Locale.ROOT), where, modelName, awsMessage), op, model, e);
        }
        if (e instanceof ResourceInUseException) {
            return new TableInUseException(message, op, model, e);
        }
        if (e instanceof ItemCollectionSizeLimitExceededException) {
            return new ItemTooLargeException(message, op, model, e);
        }
        if (e instanceof AwsServiceException ase) {
            String code = ase.awsErrorDetails() == null ? "" : String.valueOf(ase.awsErrorDetails().errorCode());
            if (THROTTLING.contains(code) || ase.isThrottlingException()) {
                return new ThrottledException(message, op, model, e);
            }
            if (code.equals("ValidationException")) {
                String m = String.valueOf(awsMessage);
                if (m.contains("Item size has exceeded") || m.contains("Item size to update has exceeded")) {
                    return new ItemTooLargeException(message, op, model, e);
                }
                return new InvalidRequestException(message, op, model, e);
            }
            boolean retryable = ase.statusCode() >= 500 || RETRYABLE.contains(code);
            return new DynamoServiceException(message, op, model, retryable, e);
        }
        if (e instanceof SdkClientException) {
            return new DynamoServiceException(message, op, model, true, e);
        }
        return new DynamoServiceException(message, op, model, e.retryable(), e);
    }

    private static Object safeMap(java.util.function.Function<Map<String, AttributeValue>, Object> mapper,
            Map<String, AttributeValue> item) {
        try {
            return mapper.apply(item);
        } catch (RuntimeException ignored) {
            // the raw item is still reported; a model that cannot read it must not hide the real failure
            return null;
        }
    }
}
