package dev.dynamorm.engine.internal.write;

import static dev.dynamorm.engine.internal.write.BatchSupport.identity;

import dev.dynamorm.DynamORMException;
import dev.dynamorm.DynamoServiceException;
import dev.dynamorm.Operation;
import dev.dynamorm.RetryPolicy;
import dev.dynamorm.engine.internal.client.ErrorMapper;
import dev.dynamorm.engine.internal.expr.ExpressionBuilder;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.plugin.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The stored creation times a batch put carries over: a batch write cannot be conditioned, so
 * before it is sent, the puts of instances whose {@code @CreatedAt} is null read the stored items'
 * creation attribute (BatchGetItem of the key and that attribute, consistent, unprocessed keys
 * retried under the batch's retry policy) and write it back; an item not stored keeps the clock's
 * time its put was stamped with. Best effort: a writer that creates or deletes the item between the
 * read and the batch write still wins. A put whose read did not complete is not sent.
 *
 * <p>Keys of several tables are read together (the batch writer sends to many tables).
 */
final class StoredCreationReads
        implements UnprocessedRetry.Batch<
                StoredCreationReads.Wanted, BatchGetItemRequest, BatchGetItemResponse> {

    /** One key whose stored creation time is read. */
    record Wanted(TableContext<?> table, List<Object> id, Map<String, AttributeValue> key) {}

    private final Map<List<Object>, Wanted> wanted = new LinkedHashMap<>();
    private final Map<List<Object>, AttributeValue> stored = new ConcurrentHashMap<>();
    private final Set<List<Object>> answered = ConcurrentHashMap.newKeySet();
    private final AtomicReference<DynamORMException> failure = new AtomicReference<>();
    private final RetryPolicy policy;
    private final long start;
    private TableContext<?> only;
    private boolean manyTables;

    /** The origin every read starts from ({@link Event#follow}), or null. */
    private final Event origin;

    /**
     * Reads under a batch's retry policy.
     *
     * @param policy the batch's retry policy
     * @param start when the batch started, for the policy's elapsed-time budget
     * @param origin what hooks captured for the writes on the caller's thread, or null
     */
    StoredCreationReads(RetryPolicy policy, long start, Event origin) {
        this.policy = policy;
        this.start = start;
        this.origin = origin;
    }

    /**
     * Whether the put of {@code item} must carry the stored creation time over: its model has
     * {@code @CreatedAt} and the instance none (null, or 0 for an epoch field), and it may be
     * stored — a versioned instance at version 0 is new, as for {@code put}.
     */
    static boolean wanted(WriteSupport<?> writer, Object item) {
        FieldMetadata createdAt = writer.createdAt;
        if (createdAt == null || !absent(createdAt, item)) {
            return false;
        }
        return writer.version == null || !absent(writer.version, item);
    }

    private static boolean absent(FieldMetadata field, Object item) {
        Object value = field.get(item);
        return value == null || WriteSupport.absent(field.toAttributeValue(value));
    }

    /** Asks for the stored creation time of the item with {@code key}. */
    void add(TableContext<?> table, Map<String, AttributeValue> key) {
        List<Object> id = id(table, key);
        wanted.putIfAbsent(id, new Wanted(table, id, key));
        if (only == null) {
            only = table;
        } else if (only != table) {
            manyTables = true;
        }
    }

    /** Whether any key was asked for. */
    boolean isEmpty() {
        return wanted.isEmpty();
    }

    /** The keys to read, in chunks of {@value TableBatch#MAX_GET_KEYS}. */
    List<List<Wanted>> chunks() {
        return BatchSupport.chunk(new ArrayList<>(wanted.values()), TableBatch.MAX_GET_KEYS);
    }

    /**
     * Writes the stored creation time of the item with {@code key} into {@code attributes} (which
     * hold the clock's time): unchanged when the item is not stored or has none.
     *
     * @return false when the read did not complete: the put must not be sent
     */
    boolean carryOver(
            TableContext<?> table,
            Map<String, AttributeValue> key,
            Map<String, AttributeValue> attributes) {
        List<Object> id = id(table, key);
        if (!answered.contains(id)) {
            return false;
        }
        AttributeValue createdAt = stored.get(id);
        if (createdAt != null) {
            attributes.put(table.writer().createdAt.attributeName(), createdAt);
        }
        return true;
    }

    /**
     * Why puts were not sent: the failure of a read, or the spent budget of unprocessed keys.
     *
     * @param unsent how many puts were not sent
     */
    DynamORMException whyUnsent(int unsent) {
        DynamORMException cause = failure.get();
        return new DynamoServiceException(
                String.format(
                        Locale.ROOT,
                        "the stored @CreatedAt of %d puts whose instances have none could not be"
                                + " read (%s), so they were not sent",
                        unsent,
                        cause == null
                                ? "the retry budget for unprocessed keys ran out"
                                : cause.getMessage()),
                Operation.BATCH_WRITE,
                manyTables || only == null ? null : only.modelType(),
                true,
                cause);
    }

    private static List<Object> id(TableContext<?> table, Map<String, AttributeValue> key) {
        List<Object> id = new ArrayList<>();
        id.add(table.tableName());
        id.addAll(identity(key));
        return id;
    }

    // ---- the reads, sent by UnprocessedRetry ----

    @Override
    public Operation operation() {
        return Operation.BATCH_GET;
    }

    @Override
    public Event event() {
        return (manyTables
                        ? Event.multiTable(Operation.BATCH_GET)
                        : only.event(Operation.BATCH_GET, null))
                .follow(origin);
    }

    @Override
    public BatchGetItemRequest request(List<Wanted> pending) {
        Map<TableContext<?>, List<Map<String, AttributeValue>>> byTable = new LinkedHashMap<>();
        for (Wanted w : pending) {
            byTable.computeIfAbsent(w.table(), t -> new ArrayList<>()).add(w.key());
        }
        Map<String, KeysAndAttributes> items = new LinkedHashMap<>();
        byTable.forEach(
                (table, keys) -> {
                    ExpressionBuilder expr = new ExpressionBuilder();
                    StringJoiner projection = new StringJoiner(", ");
                    keys.get(0).keySet().forEach(k -> projection.add(expr.name(k)));
                    projection.add(expr.name(table.writer().createdAt.attributeName()));
                    items.put(
                            table.tableName(),
                            KeysAndAttributes.builder()
                                    .keys(keys)
                                    .consistentRead(true)
                                    .projectionExpression(projection.toString())
                                    .expressionAttributeNames(expr.names())
                                    .build());
                });
        return BatchGetItemRequest.builder().requestItems(items).build();
    }

    @Override
    public DynamORMException map(SdkException e) {
        return manyTables
                ? ErrorMapper.map(e, Operation.BATCH_GET, null, null, null)
                : only.map(e, Operation.BATCH_GET);
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
    public List<Wanted> answered(List<Wanted> pending, BatchGetItemResponse response) {
        Map<String, TableContext<?>> tables = new HashMap<>();
        pending.forEach(w -> tables.put(w.table().tableName(), w.table()));
        response.responses()
                .forEach(
                        (name, items) -> {
                            TableContext<?> table = tables.get(name);
                            if (table == null) {
                                return;
                            }
                            String createdAt = table.writer().createdAt.attributeName();
                            for (Map<String, AttributeValue> item : items) {
                                AttributeValue value = item.get(createdAt);
                                if (value != null) {
                                    stored.put(
                                            id(table, table.keyOf(item, Operation.BATCH_GET)),
                                            value);
                                }
                            }
                        });
        Set<List<Object>> left = new HashSet<>();
        if (response.hasUnprocessedKeys()) {
            response.unprocessedKeys()
                    .forEach(
                            (name, keys) -> {
                                TableContext<?> table = tables.get(name);
                                if (table != null && keys.hasKeys()) {
                                    keys.keys().forEach(k -> left.add(id(table, k)));
                                }
                            });
        }
        List<Wanted> next = new ArrayList<>();
        for (Wanted w : pending) {
            if (left.contains(w.id())) {
                next.add(w);
            } else {
                answered.add(w.id());
            }
        }
        return next;
    }

    @Override
    public void failed(List<Wanted> pending, DynamORMException e, boolean lost) {
        failure.compareAndSet(null, e);
    }

    @Override
    public void left(List<Wanted> pending, boolean lost) {
        // not answered: their puts are not sent
    }

    @Override
    public AtomicReference<DynamORMException> failure() {
        return failure;
    }
}
