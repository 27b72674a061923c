package dev.dynamorm.engine.internal.client;

import dev.dynamorm.ConditionFailedException;
import dev.dynamorm.DynamORMException;
import dev.dynamorm.DynamoServiceException;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.ItemTooLargeException;
import dev.dynamorm.Operation;
import dev.dynamorm.TableInUseException;
import dev.dynamorm.TableNotFoundException;
import dev.dynamorm.ThrottledException;
import dev.dynamorm.TransactionCanceledException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionSizeLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Maps AWS SDK errors to the DynamORM exception hierarchy, keeping the AWS error as the cause. */
public final class ErrorMapper {

    private static final Set<String> THROTTLING =
            Set.of(
                    "ProvisionedThroughputExceededException",
                    "RequestLimitExceeded",
                    "ThrottlingException",
                    "Throttling",
                    "TooManyRequestsException");
    private static final Set<String> RETRYABLE =
            Set.of(
                    "TransactionConflictException",
                    "TransactionInProgressException",
                    "InternalServerError",
                    "ServiceUnavailable",
                    "LimitExceededException");

    private ErrorMapper() {}

    /**
     * Maps a failure of a request.
     *
     * @param e the SDK failure
     * @param op the operation
     * @param model the model class, or null
     * @param table the table name, or null
     * @param mapper turns a returned item into a model for condition failures, or null
     */
    public static DynamORMException map(
            SdkException e,
            Operation op,
            Class<?> model,
            String table,
            java.util.function.Function<Map<String, AttributeValue>, Object> mapper) {
        String where = table == null ? "" : " on table '" + table + "'";
        String modelName = model == null ? "" : " (model " + model.getName() + ")";
        String awsMessage =
                e instanceof AwsServiceException ase && ase.awsErrorDetails() != null
                        ? ase.awsErrorDetails().errorMessage()
                        : e.getMessage();
        String message =
                String.format(
                        Locale.ROOT,
                        "%s%s%s failed: %s",
                        op.name().toLowerCase(Locale.ROOT),
                        where,
                        modelName,
                        awsMessage);
        if (e
                instanceof
                software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException tce) {
            List<TransactionCanceledException.Reason> reasons = new ArrayList<>();
            List<CancellationReason> raw =
                    tce.hasCancellationReasons() ? tce.cancellationReasons() : List.of();
            for (int i = 0; i < raw.size(); i++) {
                CancellationReason r = raw.get(i);
                Map<String, AttributeValue> item = r.hasItem() ? r.item() : null;
                reasons.add(
                        new TransactionCanceledException.Reason(
                                i,
                                op,
                                model,
                                table == null ? "" : table,
                                Map.of(),
                                cancellationCode(r.code()),
                                r.code(),
                                r.message(),
                                item,
                                null));
            }
            return transactionCanceled(op, reasons, null, raw.size(), e);
        }
        if (e instanceof ConditionalCheckFailedException ccf) {
            Map<String, AttributeValue> item = ccf.hasItem() ? ccf.item() : null;
            Object stored = item != null && mapper != null ? safeMap(mapper, item) : null;
            return new ConditionFailedException(message, op, model, item, stored, e);
        }
        if (e instanceof ResourceNotFoundException) {
            return new TableNotFoundException(
                    String.format(
                            Locale.ROOT,
                            "%s%s%s failed: table not found (%s)",
                            op.name().toLowerCase(Locale.ROOT),
                            where,
                            modelName,
                            awsMessage),
                    op,
                    model,
                    e);
        }
        if (e instanceof ResourceInUseException) {
            return new TableInUseException(message, op, model, e);
        }
        if (e instanceof ItemCollectionSizeLimitExceededException) {
            return new ItemTooLargeException(message, op, model, e);
        }
        if (e instanceof AwsServiceException ase) {
            String code =
                    ase.awsErrorDetails() == null
                            ? ""
                            : String.valueOf(ase.awsErrorDetails().errorCode());
            if (THROTTLING.contains(code) || ase.isThrottlingException()) {
                return new ThrottledException(message, op, model, e);
            }
            if (code.equals("IdempotentParameterMismatchException")) {
                return new InvalidRequestException(
                        message
                                + " (the client request token was used within the last "
                                + "ten minutes for a different transaction: use a new token)",
                        op,
                        model,
                        e);
            }
            if (code.equals("ValidationException")) {
                String m = String.valueOf(awsMessage);
                if (m.contains("Item size has exceeded")
                        || m.contains("Item size to update has exceeded")) {
                    return new ItemTooLargeException(message, op, model, e);
                }
                return new InvalidRequestException(message, op, model, e);
            }
            boolean retryable = ase.statusCode() >= 500 || RETRYABLE.contains(code);
            return new DynamoServiceException(message, op, model, retryable, e);
        }
        if (e instanceof SdkClientException client) {
            String configuration = configurationError(client);
            if (configuration != null) {
                return new DynamoServiceException(
                        String.format(
                                Locale.ROOT,
                                "%s%s%s failed: %s (a configuration error: not retried): %s",
                                op.name().toLowerCase(Locale.ROOT),
                                where,
                                modelName,
                                configuration,
                                awsMessage),
                        op,
                        model,
                        false,
                        e);
            }
            return new DynamoServiceException(message, op, model, true, e);
        }
        return new DynamoServiceException(message, op, model, e.retryable(), e);
    }

    /**
     * Whether a failure may have come after the request was applied: its answer was lost (a network
     * failure other than a refused connection, a timeout) or the server failed (5xx).
     */
    public static boolean ambiguous(SdkException e) {
        if (e instanceof AwsServiceException ase) {
            return ase.statusCode() >= 500;
        }
        if (!(e instanceof SdkClientException client) || configurationError(client) != null) {
            return false;
        }
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return false; // never reached the server
            }
        }
        return true;
    }

    /**
     * What is misconfigured when a client failure is a configuration error that no retry can fix
     * (no credentials, no region), or null for a transient failure (network, timeout).
     */
    static String configurationError(SdkClientException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("credential") || m.contains("access key")) {
                return "no AWS credentials could be resolved; give"
                        + " DynamORM.builder().credentialsProvider(...) or configure the default"
                        + " chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, aws.accessKeyId/"
                        + "aws.secretAccessKey, ~/.aws/credentials, a container or instance role)";
            }
            if (m.contains("unable to load region") || m.contains("region must be specified")) {
                return "no AWS region could be resolved; give DynamORM.builder().region(...) or"
                        + " set AWS_REGION";
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** The DynamORM code of a DynamoDB cancellation reason code. */
    public static TransactionCanceledException.Code cancellationCode(String awsCode) {
        if (awsCode == null) {
            return TransactionCanceledException.Code.NONE;
        }
        return switch (awsCode) {
            case "None" -> TransactionCanceledException.Code.NONE;
            case "ConditionalCheckFailed" -> TransactionCanceledException.Code.CONDITION_FAILED;
            case "TransactionConflict" -> TransactionCanceledException.Code.TRANSACTION_CONFLICT;
            case "ThrottlingError",
                    "ProvisionedThroughputExceeded",
                    "RequestLimitExceeded",
                    "Throttling",
                    "ThrottlingException" ->
                    TransactionCanceledException.Code.THROTTLED;
            case "ValidationError" -> TransactionCanceledException.Code.VALIDATION;
            case "ItemCollectionSizeLimitExceeded" ->
                    TransactionCanceledException.Code.ITEM_TOO_LARGE;
            default -> TransactionCanceledException.Code.OTHER;
        };
    }

    /**
     * A cancelled transaction: retryable when every failed action failed by a conflict or
     * throttling.
     *
     * @param op TRANSACT_WRITE or TRANSACT_GET
     * @param reasons one per action
     * @param token the client request token, or null
     * @param actions the number of actions
     * @param cause the AWS error
     */
    public static TransactionCanceledException transactionCanceled(
            Operation op,
            List<TransactionCanceledException.Reason> reasons,
            String token,
            int actions,
            Throwable cause) {
        boolean transientOnly = !reasons.isEmpty();
        StringJoiner failed = new StringJoiner("; ");
        for (TransactionCanceledException.Reason r : reasons) {
            switch (r.code()) {
                case NONE -> {}
                case TRANSACTION_CONFLICT, THROTTLED -> failed.add(r.toString());
                default -> {
                    transientOnly = false;
                    failed.add(r.toString());
                }
            }
        }
        String message =
                String.format(
                        Locale.ROOT,
                        "%s of %d actions was cancelled and nothing was applied: %s",
                        op == Operation.TRANSACT_GET ? "read transaction" : "transaction",
                        actions,
                        failed.length() == 0
                                ? String.valueOf(cause.getMessage())
                                : failed.toString());
        return new TransactionCanceledException(message, op, reasons, token, transientOnly, cause);
    }

    private static Object safeMap(
            java.util.function.Function<Map<String, AttributeValue>, Object> mapper,
            Map<String, AttributeValue> item) {
        try {
            return mapper.apply(item);
        } catch (RuntimeException ignored) {
            // the raw item is still reported; a model that cannot read it must not hide the real
            // failure
            return null;
        }
    }
}
