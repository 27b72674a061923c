package dev.dynamorm.engine.internal.plugin;

import dev.dynamorm.Condition;
import dev.dynamorm.HookContext;
import dev.dynamorm.ItemRef;
import dev.dynamorm.ModelInfo;
import dev.dynamorm.Operation;
import dev.dynamorm.OperationEvent;
import dev.dynamorm.engine.internal.expr.Expression;
import dev.dynamorm.engine.internal.expr.UpdateWrites;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * One request as hooks see it ({@link HookContext}): created by a call site with the operation,
 * table, model and key; the {@code Executor} adds the SDK request, collects what before-hooks amend
 * and counts attempts. One instance per request, used by one thread.
 */
public final class Event implements HookContext {

    private static final Set<Operation> CONDITIONAL =
            EnumSet.of(Operation.CREATE, Operation.PUT, Operation.UPDATE, Operation.DELETE);

    private final Operation operation;
    private final String tableName;
    private final Class<?> modelType;
    private final Optional<Map<String, AttributeValue>> key;
    private int page;

    private HookChain chain;
    private DynamoDbRequest request;
    private List<ItemRef> items;
    private boolean amendable;
    private List<Condition> conditions;
    private List<Map.Entry<String, Map<String, AttributeValue>>> transactionPuts;
    private Map<String, AttributeValue> updateSets;
    private Map<String, AttributeValue> served;
    private Map<String, Object> attributes;

    /** The event whose attributes this request starts with ({@link #follow}), or null. */
    private Event from;

    private Map<List<Object>, Written> expressions;

    /** The expressions of the write of one item. */
    private record Written(Expression condition, Expression update) {}

    private int failedAttempts;
    private int throttles;

    /**
     * An event of one table.
     *
     * @param operation the operation
     * @param tableName the physical table name, or null to take it from the request (batches)
     * @param modelType the model, or null for requests over several models
     * @param key the key of a single-item operation
     */
    public Event(
            Operation operation,
            String tableName,
            Class<?> modelType,
            Optional<Map<String, AttributeValue>> key) {
        this.operation = Objects.requireNonNull(operation, "operation");
        this.tableName = tableName;
        this.modelType = modelType;
        this.key = Objects.requireNonNull(key, "key");
        this.page = operation == Operation.QUERY || operation == Operation.SCAN ? 1 : 0;
    }

    /**
     * This event, typed as the operation it describes: a caller holding an {@code Event} passes it
     * where an {@link OperationEvent} is expected without an upcast, which its verification would
     * load the interface for (an engine without hooks never loads it before its first answer).
     *
     * @return this event
     */
    public OperationEvent asOperationEvent() {
        return this;
    }

    /** An event of a batch or transaction over any tables, described by its request. */
    public static Event multiTable(Operation operation) {
        return new Event(operation, null, null, Optional.empty());
    }

    /**
     * Records the expressions the engine compiled for the write of one item, so that {@link
     * #items()} reads what an update writes from the compiled structure, and the amendments hooks
     * ask for are merged into the expressions rather than into their text.
     *
     * @param table the physical table name
     * @param key the item's key
     * @param condition the write's condition, or null
     * @param update the write's update expression, or null
     * @return this event
     */
    public Event expressions(
            String table,
            Map<String, AttributeValue> key,
            Expression condition,
            Expression update) {
        if (expressions == null) {
            expressions = new HashMap<>(4);
        }
        expressions.put(List.of(table, key), new Written(condition, update));
        return this;
    }

    /**
     * Whether the expressions of the write of one item were recorded.
     *
     * @param table the physical table name
     * @param key the item's key
     * @return true when {@link #expressions} was called for it
     */
    boolean recorded(String table, Map<String, AttributeValue> key) {
        return expressions != null && expressions.containsKey(List.of(table, key));
    }

    /** The recorded condition of the write of one item, or null. */
    Expression condition(String table, Map<String, AttributeValue> key) {
        Written w = expressions == null ? null : expressions.get(List.of(table, key));
        return w == null ? null : w.condition();
    }

    /** The recorded update expression of the write of one item, or null. */
    Expression update(String table, Map<String, AttributeValue> key) {
        Written w = expressions == null ? null : expressions.get(List.of(table, key));
        return w == null ? null : w.update();
    }

    /** What the update of one item writes, or {@link UpdateWrites#NONE} when not recorded. */
    UpdateWrites updateWrites(String table, Map<String, AttributeValue> key) {
        Expression update = update(table, key);
        return update == null ? UpdateWrites.NONE : update.writes();
    }

    /** Sets the page number of a query or scan (1 for the first request). */
    public Event page(int number) {
        this.page = number;
        return this;
    }

    // ---- OperationEvent ----

    @Override
    public Operation operation() {
        return operation;
    }

    @Override
    public String tableName() {
        if (tableName != null) {
            return tableName;
        }
        List<ItemRef> refs = items();
        return refs.isEmpty() ? "" : refs.get(0).tableName();
    }

    @Override
    public Class<?> modelType() {
        return modelType == null ? Object.class : modelType;
    }

    @Override
    public Optional<ModelInfo> model() {
        if (chain == null) {
            return Optional.empty();
        }
        if (modelType != null) {
            return chain.model(modelType);
        }
        return tableName == null ? Optional.empty() : chain.modelForTable(tableName);
    }

    @Override
    public Optional<Map<String, AttributeValue>> key() {
        return key;
    }

    @Override
    public List<ItemRef> items() {
        if (items == null) {
            items = request == null ? fallbackItems() : Requests.items(this, request, chain);
        }
        return items;
    }

    private List<ItemRef> fallbackItems() {
        if (key.isEmpty() || tableName == null) {
            return List.of();
        }
        ItemRef.Action action =
                switch (operation) {
                    case CREATE, PUT -> ItemRef.Action.PUT;
                    case UPDATE -> ItemRef.Action.UPDATE;
                    case DELETE -> ItemRef.Action.DELETE;
                    default -> ItemRef.Action.GET;
                };
        return List.of(new ItemRef(action, tableName, modelType, key.get(), null, Set.of()));
    }

    @Override
    public Optional<String> indexName() {
        if (request instanceof QueryRequest q) {
            return Optional.ofNullable(q.indexName());
        }
        if (request instanceof ScanRequest s) {
            return Optional.ofNullable(s.indexName());
        }
        return Optional.empty();
    }

    @Override
    public boolean consistentRead() {
        if (request instanceof GetItemRequest g) {
            return Boolean.TRUE.equals(g.consistentRead());
        }
        if (request instanceof QueryRequest q) {
            return Boolean.TRUE.equals(q.consistentRead());
        }
        if (request instanceof ScanRequest s) {
            return Boolean.TRUE.equals(s.consistentRead());
        }
        if (request instanceof BatchGetItemRequest b && b.hasRequestItems()) {
            return b.requestItems().values().stream()
                    .allMatch(k -> Boolean.TRUE.equals(k.consistentRead()));
        }
        return operation == Operation.TRANSACT_GET;
    }

    @Override
    public boolean transactional() {
        return operation == Operation.TRANSACT_WRITE || operation == Operation.TRANSACT_GET;
    }

    @Override
    public int page() {
        if (page == 1
                && ((request instanceof QueryRequest q && q.hasExclusiveStartKey())
                        || (request instanceof ScanRequest s && s.hasExclusiveStartKey()))) {
            return 2;
        }
        return page;
    }

    @Override
    public Optional<DynamoDbRequest> request() {
        return Optional.ofNullable(request);
    }

    // ---- HookContext ----

    @Override
    public void addCondition(Condition condition) {
        Objects.requireNonNull(condition, "condition");
        requireAmendable("addCondition", CONDITIONAL.contains(operation));
        if (conditions == null) {
            conditions = new ArrayList<>(2);
        }
        conditions.add(condition);
    }

    @Override
    public void setOnUpdate(String field, AttributeValue value) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        requireAmendable("setOnUpdate", operation == Operation.UPDATE);
        ModelInfo model =
                model().orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "setOnUpdate on '"
                                                        + tableName()
                                                        + "', which maps no model"));
        String attribute = model.attributeNames().get(field);
        if (attribute == null
                || attribute.equals(model.partitionKeyAttribute())
                || model.sortKeyAttribute().filter(attribute::equals).isPresent()) {
            throw new IllegalArgumentException(
                    String.format(
                            java.util.Locale.ROOT,
                            "setOnUpdate: '%s' is not a mapped non-key field of model %s",
                            field,
                            model.type().getName()));
        }
        boolean written =
                (updateSets != null && updateSets.containsKey(attribute))
                        || items().stream()
                                .anyMatch(r -> r.changedAttributes().contains(attribute));
        if (written) {
            throw new IllegalStateException(
                    String.format(
                            java.util.Locale.ROOT,
                            "setOnUpdate: the update of model %s already writes '%s'",
                            model.type().getName(),
                            field));
        }
        if (updateSets == null) {
            updateSets = new java.util.LinkedHashMap<>(2);
        }
        updateSets.put(attribute, value);
    }

    @Override
    public void respondWith(Map<String, AttributeValue> item) {
        Objects.requireNonNull(item, "item");
        requireAmendable("respondWith", operation == Operation.GET);
        served = Map.copyOf(item);
    }

    @Override
    public void addTransactionPut(String table, Map<String, AttributeValue> item) {
        Objects.requireNonNull(table, "tableName");
        Objects.requireNonNull(item, "item");
        requireAmendable("addTransactionPut", operation == Operation.TRANSACT_WRITE);
        if (transactionPuts == null) {
            transactionPuts = new ArrayList<>(2);
        }
        transactionPuts.add(Map.entry(table, Map.copyOf(item)));
    }

    private void requireAmendable(String method, boolean allowed) {
        if (!allowed) {
            throw new IllegalStateException(
                    String.format(
                            java.util.Locale.ROOT,
                            "%s is not allowed for operation %s (see HookContext for what each operation allows)",
                            method,
                            operation));
        }
        if (!amendable) {
            throw new IllegalStateException(
                    String.format(
                            java.util.Locale.ROOT,
                            "%s is allowed only in a before-hook, before the request is sent (operation %s on '%s')",
                            method,
                            operation,
                            tableName()));
        }
    }

    @Override
    public Object attribute(String name) {
        return attributes == null ? null : attributes.get(name);
    }

    @Override
    public void attribute(String name, Object value) {
        Objects.requireNonNull(name, "key");
        if (value == null) {
            if (attributes != null) {
                attributes.remove(name);
            }
            return;
        }
        if (attributes == null) {
            attributes = new HashMap<>(4);
        }
        attributes.put(name, value);
    }

    // ---- executor side ----

    /**
     * Makes this request start with the attributes of {@code from} (as they are when this one is
     * sent): the request it follows (a resend of unprocessed items), or the origin of the operation
     * it is sent for ({@link HookChain#origin}). Attributes this request's hooks set replace them.
     *
     * @param from the event to carry the attributes of, or null for none
     * @return this event
     */
    public Event follow(Event from) {
        this.from = from;
        return this;
    }

    /**
     * The attributes carried for this operation: what the hooks captured or stored, or an empty
     * map.
     */
    public Map<String, Object> carried() {
        return attributes == null ? Map.of() : attributes;
    }

    /** Called by the executor before the before-hooks. */
    public void open(HookChain hookChain, DynamoDbRequest sdkRequest) {
        if (from != null && from.attributes != null && attributes == null) {
            attributes = new HashMap<>(from.attributes);
        }
        this.chain = hookChain;
        this.request = sdkRequest;
        this.items = null;
        this.amendable = true;
    }

    /** Ends the amendable phase. */
    public void close() {
        this.amendable = false;
    }

    /** Records the request as sent (after amendments). */
    public void sent(DynamoDbRequest sdkRequest) {
        this.request = sdkRequest;
        this.items = null;
    }

    public List<Condition> conditions() {
        return conditions == null ? List.of() : conditions;
    }

    public List<Map.Entry<String, Map<String, AttributeValue>>> transactionPuts() {
        return transactionPuts == null ? List.of() : transactionPuts;
    }

    /** The attributes before-hooks set on an update, by attribute name. */
    public Map<String, AttributeValue> updateSets() {
        return updateSets == null ? Map.of() : updateSets;
    }

    public Map<String, AttributeValue> served() {
        return served;
    }

    public HookChain chain() {
        return chain;
    }

    /** Counts a failed attempt (retried or not). */
    public void failedAttempt(dev.dynamorm.DynamORMException failure) {
        failedAttempts++;
        if (failure instanceof dev.dynamorm.ThrottledException) {
            throttles++;
        }
    }

    public int failedAttempts() {
        return failedAttempts;
    }

    public int throttles() {
        return throttles;
    }

    @Override
    public String toString() {
        return "Event["
                + operation
                + " "
                + tableName()
                + key.map(k -> " key=" + k.keySet()).orElse("")
                + "]";
    }
}
