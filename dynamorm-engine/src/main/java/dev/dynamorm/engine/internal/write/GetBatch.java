package dev.dynamorm.engine.internal.write;

import static dev.dynamorm.engine.internal.write.BatchSupport.chunk;
import static dev.dynamorm.engine.internal.write.BatchSupport.identity;
import static dev.dynamorm.engine.internal.write.BatchSupport.total;

import dev.dynamorm.BatchGetIncompleteException;
import dev.dynamorm.BatchGetResult;
import dev.dynamorm.BatchOptions;
import dev.dynamorm.DynamORMException;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Key;
import dev.dynamorm.Operation;
import dev.dynamorm.RetryPolicy;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import dev.dynamorm.engine.internal.plugin.AsyncAround;
import dev.dynamorm.engine.internal.plugin.Event;
import dev.dynamorm.engine.internal.write.BatchSupport.Progress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * One batch get of one table, whatever sends it (the sync {@link TableBatch} or the async {@link
 * AsyncTableBatch}): the keys checked and bound, split into distinct chunks, the request of each
 * attempt, what the answers found and left unprocessed, and the result (or the exception listing
 * the keys left unread). Thread-safe: chunks are sent in parallel.
 *
 * @param <T> the model type
 */
final class GetBatch<T>
        implements UnprocessedRetry.Batch<
                Map<String, AttributeValue>, BatchGetItemRequest, BatchGetItemResponse> {

    private final TableContext<T> table;
    private final ModelMetadata<T> model;
    private final List<Key> requested;
    private final List<Map<String, AttributeValue>> bound;
    private final List<List<Map<String, AttributeValue>>> chunks;
    private final boolean consistent;
    private final RetryPolicy policy;
    // the policy's elapsed-time budget counts for the whole operation, not for each chunk
    private final long start = System.nanoTime();
    private final Progress progress;
    private final Map<List<Object>, Map<String, AttributeValue>> found = new ConcurrentHashMap<>();
    private final Set<List<Object>> unprocessed = ConcurrentHashMap.newKeySet();
    private final DoubleAdder capacity = new DoubleAdder();
    private final AtomicReference<DynamORMException> failure = new AtomicReference<>();

    /** What hooks captured on the caller's thread: every request of the batch starts with it. */
    private final Event origin;

    /**
     * Checks and binds the keys; nothing is sent.
     *
     * @throws InvalidRequestException on a null collection or a bad key
     */
    GetBatch(TableContext<T> table, Collection<Key> keys, BatchOptions options) {
        Objects.requireNonNull(options, "options");
        this.table = table;
        this.model = table.model();
        if (keys == null) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "batch get of model %s needs a collection of keys, got null",
                            model.type().getName()),
                    Operation.BATCH_GET,
                    model.type(),
                    null);
        }
        table.requireReadableForQuery(Operation.BATCH_GET);
        this.requested = new ArrayList<>(keys);
        this.bound = new ArrayList<>(requested.size());
        Map<List<Object>, Map<String, AttributeValue>> distinct = new LinkedHashMap<>();
        for (Key k : requested) {
            Map<String, AttributeValue> key = table.writer().keyOf(k, Operation.BATCH_GET);
            bound.add(key);
            distinct.putIfAbsent(identity(key), key);
        }
        this.chunks = chunk(new ArrayList<>(distinct.values()), TableBatch.MAX_GET_KEYS);
        this.consistent = options.consistentRead();
        this.policy = options.retryPolicy().orElse(table.context().executor().retryPolicy());
        this.progress = new Progress(options.progress().orElse(null), distinct.size());
        this.origin = table.origin(Operation.BATCH_GET);
    }

    /** The chunks of distinct keys, each sent on its own. */
    List<List<Map<String, AttributeValue>>> chunks() {
        return chunks;
    }

    @Override
    public Operation operation() {
        return Operation.BATCH_GET;
    }

    @Override
    public RetryPolicy policy() {
        return policy;
    }

    @Override
    public long start() {
        return start;
    }

    @Override
    public Event event() {
        return table.event(Operation.BATCH_GET, null).follow(origin);
    }

    @Override
    public DynamORMException map(SdkException e) {
        return table.map(e, Operation.BATCH_GET);
    }

    @Override
    public BatchGetItemRequest request(List<Map<String, AttributeValue>> pending) {
        return BatchGetItemRequest.builder()
                .requestItems(
                        Map.of(
                                table.tableName(),
                                KeysAndAttributes.builder()
                                        .keys(pending)
                                        .consistentRead(consistent)
                                        .build()))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .build();
    }

    @Override
    public List<Map<String, AttributeValue>> answered(
            List<Map<String, AttributeValue>> pending, BatchGetItemResponse response) {
        String tableName = table.tableName();
        capacity.add(total(response.consumedCapacity()));
        for (Map<String, AttributeValue> item :
                response.responses().getOrDefault(tableName, List.of())) {
            found.put(identity(keyAttributes(item)), item);
        }
        KeysAndAttributes left =
                response.hasUnprocessedKeys() ? response.unprocessedKeys().get(tableName) : null;
        return left == null || !left.hasKeys() ? List.of() : left.keys();
    }

    /** A call failed for good: its pending keys stay unread. */
    @Override
    public void failed(
            List<Map<String, AttributeValue>> pending, DynamORMException e, boolean lost) {
        failure.compareAndSet(null, e);
        unread(pending);
    }

    /** Keys left unread (the budget ran out, or their chunk was not sent). */
    void unread(List<Map<String, AttributeValue>> pending) {
        pending.forEach(k -> unprocessed.add(identity(k)));
    }

    @Override
    public void left(List<Map<String, AttributeValue>> pending, boolean lost) {
        unread(pending);
    }

    /** The async executor refused the loop's next step: its pending keys stay unread. */
    @Override
    public void refused(
            List<Map<String, AttributeValue>> pending,
            RejectedExecutionException rejected,
            boolean sent) {
        failure.compareAndSet(
                null, UnprocessedRetry.refusal(Operation.BATCH_GET, model.type(), rejected));
        unread(pending);
    }

    @Override
    public AtomicReference<DynamORMException> failure() {
        return failure;
    }

    /** A chunk is done (read, or left unread). */
    void chunkDone(List<Map<String, AttributeValue>> chunk) {
        progress.advance(chunk.size());
    }

    /**
     * The result, in the order of the requested keys.
     *
     * @throws BatchGetIncompleteException if keys were left unread (it carries the result)
     */
    BatchGetResult<T> result() {
        // the items of every chunk are converted here: with the batch's origin current, their
        // afterRead hooks see what was captured on the caller's thread (chunks may have been sent
        // from other threads)
        return origin == null
                ? converted()
                : AsyncAround.convert(origin, ignored -> converted(), null);
    }

    private BatchGetResult<T> converted() {
        List<T> items = new ArrayList<>();
        List<Key> missing = new ArrayList<>();
        List<Key> left = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            List<Object> id = identity(bound.get(i));
            Map<String, AttributeValue> item = found.get(id);
            if (item != null && !table.hidden(item)) {
                items.add(model.fromItem(item, Operation.BATCH_GET));
            } else if (item == null && unprocessed.contains(id)) {
                left.add(requested.get(i));
            } else {
                missing.add(requested.get(i));
            }
        }
        BatchGetResult<T> result = new BatchGetResult<>(items, missing, left, capacity.sum());
        if (!left.isEmpty()) {
            throw new BatchGetIncompleteException(
                    String.format(
                            Locale.ROOT,
                            "batch get of model %s from table '%s' left %d of %d keys unread: %s; the exception's result "
                                    + "holds what was read",
                            model.type().getName(),
                            table.tableName(),
                            left.size(),
                            requested.size(),
                            failure.get() == null
                                    ? "the retry budget for unprocessed keys ran out"
                                    : failure.get().getMessage()),
                    model.type(),
                    result,
                    failure.get());
        }
        return result;
    }

    private Map<String, AttributeValue> keyAttributes(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new HashMap<>(4);
        String pk = model.partitionKey().attributeName();
        key.put(pk, item.get(pk));
        model.sortKey().ifPresent(s -> key.put(s.attributeName(), item.get(s.attributeName())));
        return key;
    }
}
