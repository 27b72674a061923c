package dev.dynamorm.engine.internal.write;

import dev.dynamorm.BatchWriteIncompleteException;
import dev.dynamorm.BatchWriterOptions;
import dev.dynamorm.DynamORMException;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Key;
import dev.dynamorm.Operation;
import dev.dynamorm.engine.internal.plugin.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * One write of a batch writer ({@link DefaultBatchWriter} and {@link DefaultAsyncBatchWriter}),
 * prepared and checked on the caller's thread (the {@link TableWriter} calls: stamps, conversion,
 * plugins' transforms, size, the versioning and {@code @Unique} refusals).
 *
 * @param id the table name and the key's identity: two writes with one id are never sent together
 * @param table the table written
 * @param request the BatchWriteItem element
 * @param source the item of a put, the {@link Key} of a delete (what a failure lists)
 * @param put whether a put
 * @param size the size as DynamoDB counts it
 * @param keepCreatedAt whether the put carries the stored creation time over (read before sending)
 * @param origin what hooks captured when the write was accepted, on the caller's thread ({@code
 *     HookChain.origin}): the requests sending it start with it; null when no hook captures
 */
record WriterWrite(
        List<Object> id,
        TableContext<?> table,
        WriteRequest request,
        Object source,
        boolean put,
        long size,
        boolean keepCreatedAt,
        Event origin) {

    /** The options a caller opts out of the versioning check with, named in its error. */
    static final String OPTIONS = "BatchWriterOptions";

    /** A put of {@code item}. */
    static <T> WriterWrite put(TableContext<T> table, T item, BatchWriterOptions options) {
        table.writer().requireUnversioned(options.ignoreVersioning(), OPTIONS);
        PreparedWrite p = table.writer().prepareBatchPut(item, options.ignoreVersioning());
        return new WriterWrite(
                id(table, p.key()),
                table,
                WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(p.item()).build())
                        .build(),
                item,
                true,
                p.size(),
                StoredCreationReads.wanted(table.writer(), item),
                table.origin(Operation.BATCH_WRITE));
    }

    /** A delete of the item with {@code item}'s key. */
    static <T> WriterWrite delete(TableContext<T> table, T item, BatchWriterOptions options) {
        table.requireWritableForWrite(Operation.BATCH_WRITE);
        table.writer().requireUnversioned(options.ignoreVersioning(), OPTIONS);
        Map<String, AttributeValue> key = table.writer().keyOfItem(item, Operation.BATCH_WRITE);
        return delete(table, key, table.model().toKey(key));
    }

    /** A delete by key. */
    static WriterWrite delete(TableContext<?> table, Key key, BatchWriterOptions options) {
        table.writer().requireUnversioned(options.ignoreVersioning(), OPTIONS);
        return delete(table, table.writer().batchDeleteKey(key, options.ignoreVersioning()), key);
    }

    private static WriterWrite delete(
            TableContext<?> table, Map<String, AttributeValue> key, Key source) {
        return new WriterWrite(
                id(table, key),
                table,
                WriteRequest.builder()
                        .deleteRequest(DeleteRequest.builder().key(key).build())
                        .build(),
                source,
                false,
                ItemSize.of(key),
                false,
                table.origin(Operation.BATCH_WRITE));
    }

    /** The error of a null item, as the sync writer throws it. */
    static InvalidRequestException nullItem(String action) {
        return new InvalidRequestException(
                "batch writer " + action + " of a null item", Operation.BATCH_WRITE, null, null);
    }

    /** The error of a delete by key without a model, as the sync writer throws it. */
    static InvalidRequestException nullModel() {
        return new InvalidRequestException(
                "batch writer delete with a null model class", Operation.BATCH_WRITE, null, null);
    }

    static List<Object> id(TableContext<?> table, Map<String, AttributeValue> key) {
        List<Object> id = new ArrayList<>();
        id.add(table.tableName());
        id.addAll(BatchSupport.identity(key));
        return id;
    }

    /** The id of a write as an answer's unprocessed items list it. */
    static List<Object> idOf(TableContext<?> table, WriteRequest request) {
        return id(table, keyOf(table, request));
    }

    /** The item's key. */
    Map<String, AttributeValue> key() {
        return keyOf(table, request);
    }

    /** This put with the stored creation time carried over into {@code item}. */
    WriterWrite withItem(Map<String, AttributeValue> item) {
        return new WriterWrite(
                id,
                table,
                WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build(),
                source,
                true,
                size,
                false,
                origin);
    }

    /** What was captured for this write: writes sent together carry equal attributes. */
    Map<String, Object> carried() {
        return origin == null ? Map.of() : origin.carried();
    }

    /** The failure of this write, not written. */
    BatchWriteIncompleteException unwritten(String reason, DynamORMException cause) {
        return BatchWriterFailures.unwritten(table, key(), put, source, reason, cause);
    }

    /** The failure of this write, sent without an answer: it may be stored. */
    BatchWriteIncompleteException unknown(int attempts, DynamORMException cause) {
        return BatchWriterFailures.unknown(table, key(), put, source, attempts, cause);
    }

    static Map<String, AttributeValue> keyOf(TableContext<?> table, WriteRequest r) {
        if (r.deleteRequest() != null) {
            return r.deleteRequest().key();
        }
        Map<String, AttributeValue> item = r.putRequest().item();
        Map<String, AttributeValue> key = new HashMap<>(4);
        String pk = table.model().partitionKey().attributeName();
        key.put(pk, item.get(pk));
        table.model()
                .sortKey()
                .ifPresent(s -> key.put(s.attributeName(), item.get(s.attributeName())));
        return key;
    }
}
