package dev.dynamorm.engine.internal.write;

import dev.dynamorm.BatchWriteIncompleteException;
import dev.dynamorm.BatchWriteResult;
import dev.dynamorm.DynamORMException;
import dev.dynamorm.Key;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The failures of one write of the {@link DefaultBatchWriter}, each listing that write exactly. */
final class BatchWriterFailures {

    private BatchWriterFailures() {}

    /**
     * The failure of a write that was not written.
     *
     * @param reason what happened to it, e.g. "was still unprocessed after 3 attempts"
     */
    static BatchWriteIncompleteException unwritten(
            TableContext<?> table,
            Map<String, AttributeValue> key,
            boolean put,
            Object source,
            String reason,
            DynamORMException cause) {
        BatchWriteResult<Object> result =
                put
                        ? new BatchWriteResult<>(0, List.of(source), List.of(), 0)
                        : new BatchWriteResult<>(0, List.of(), List.of((Key) source), 0);
        return new BatchWriteIncompleteException(
                String.format(
                        Locale.ROOT,
                        "%s of key %s in table '%s' (model %s) %s; it was not written",
                        put ? "put" : "delete",
                        table.describeKey(key),
                        table.tableName(),
                        table.modelType().getName(),
                        reason),
                table.modelType(),
                result,
                cause);
    }

    /**
     * The failure of a write whose request reached DynamoDB without an answer: it may be stored, so
     * it is listed as of unknown outcome, not as unwritten.
     */
    static BatchWriteIncompleteException unknown(
            TableContext<?> table,
            Map<String, AttributeValue> key,
            boolean put,
            Object source,
            int attempts,
            DynamORMException cause) {
        BatchWriteResult<Object> result =
                put
                        ? new BatchWriteResult<>(
                                0, List.of(), List.of(), 0, List.of(source), List.of())
                        : new BatchWriteResult<>(
                                0, List.of(), List.of(), 0, List.of(), List.of((Key) source));
        return new BatchWriteIncompleteException(
                String.format(
                        Locale.ROOT,
                        "%s of key %s in table '%s' (model %s): the outcome is unknown after %d attempts (a request"
                                + " carrying it was sent and its answer lost), so it may be stored; writing it again"
                                + " is safe",
                        put ? "put" : "delete",
                        table.describeKey(key),
                        table.tableName(),
                        table.modelType().getName(),
                        attempts),
                table.modelType(),
                result,
                cause);
    }
}
