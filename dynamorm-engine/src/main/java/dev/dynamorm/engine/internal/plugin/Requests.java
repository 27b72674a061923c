package dev.dynamorm.engine.internal.plugin;

import dev.dynamorm.Condition;
import dev.dynamorm.ItemRef;
import dev.dynamorm.ModelInfo;
import dev.dynamorm.PluginException;
import dev.dynamorm.engine.internal.expr.Expression;
import dev.dynamorm.engine.internal.expr.ExpressionBuilder;
import dev.dynamorm.engine.internal.expr.UpdateWrites;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.SearchVectorsRequest;
import software.amazon.awssdk.services.dynamodb.model.SearchVectorsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * What hooks need from SDK requests and responses: the items a request touches, the amendments
 * before-hooks asked for applied to a request, and consumed capacity and unprocessed counts of a
 * response. Only used when a plugin is installed.
 */
public final class Requests {

    private Requests() {}

    // ---- items ----

    public static List<ItemRef> items(Event event, DynamoDbRequest request, HookChain chain) {
        if (request instanceof PutItemRequest r) {
            return List.of(put(event, r.tableName(), r.item(), chain));
        }
        if (request instanceof UpdateItemRequest r) {
            return List.of(
                    update(
                            event,
                            r.tableName(),
                            r.key(),
                            values(r.expressionAttributeValues(), r.hasExpressionAttributeValues()),
                            chain));
        }
        if (request instanceof DeleteItemRequest r) {
            return List.of(
                    ref(
                            ItemRef.Action.DELETE,
                            r.tableName(),
                            event,
                            chain,
                            r.key(),
                            null,
                            Set.of()));
        }
        if (request instanceof GetItemRequest r) {
            return List.of(
                    ref(ItemRef.Action.GET, r.tableName(), event, chain, r.key(), null, Set.of()));
        }
        List<ItemRef> out = new ArrayList<>();
        if (request instanceof BatchWriteItemRequest r && r.hasRequestItems()) {
            r.requestItems()
                    .forEach(
                            (table, writes) -> {
                                for (WriteRequest w : writes) {
                                    if (w.putRequest() != null) {
                                        out.add(put(event, table, w.putRequest().item(), chain));
                                    } else if (w.deleteRequest() != null) {
                                        out.add(
                                                ref(
                                                        ItemRef.Action.DELETE,
                                                        table,
                                                        event,
                                                        chain,
                                                        w.deleteRequest().key(),
                                                        null,
                                                        Set.of()));
                                    }
                                }
                            });
        } else if (request instanceof BatchGetItemRequest r && r.hasRequestItems()) {
            r.requestItems()
                    .forEach(
                            (table, keys) -> {
                                for (Map<String, AttributeValue> k : keysOf(keys)) {
                                    out.add(
                                            ref(
                                                    ItemRef.Action.GET,
                                                    table,
                                                    event,
                                                    chain,
                                                    k,
                                                    null,
                                                    Set.of()));
                                }
                            });
        } else if (request instanceof TransactWriteItemsRequest r && r.hasTransactItems()) {
            for (TransactWriteItem t : r.transactItems()) {
                if (t.put() != null) {
                    out.add(put(event, t.put().tableName(), t.put().item(), chain));
                } else if (t.update() != null) {
                    out.add(
                            update(
                                    event,
                                    t.update().tableName(),
                                    t.update().key(),
                                    values(
                                            t.update().expressionAttributeValues(),
                                            t.update().hasExpressionAttributeValues()),
                                    chain));
                } else if (t.delete() != null) {
                    out.add(
                            ref(
                                    ItemRef.Action.DELETE,
                                    t.delete().tableName(),
                                    event,
                                    chain,
                                    t.delete().key(),
                                    null,
                                    Set.of()));
                } else if (t.conditionCheck() != null) {
                    out.add(
                            ref(
                                    ItemRef.Action.CONDITION_CHECK,
                                    t.conditionCheck().tableName(),
                                    event,
                                    chain,
                                    t.conditionCheck().key(),
                                    null,
                                    Set.of()));
                }
            }
        } else if (request instanceof TransactGetItemsRequest r && r.hasTransactItems()) {
            for (TransactGetItem t : r.transactItems()) {
                if (t.get() != null) {
                    out.add(
                            ref(
                                    ItemRef.Action.GET,
                                    t.get().tableName(),
                                    event,
                                    chain,
                                    t.get().key(),
                                    null,
                                    Set.of()));
                }
            }
        }
        return List.copyOf(out);
    }

    private static List<Map<String, AttributeValue>> keysOf(KeysAndAttributes keys) {
        return keys.hasKeys() ? keys.keys() : List.of();
    }

    private static Map<String, AttributeValue> values(
            Map<String, AttributeValue> values, boolean has) {
        return has ? values : Map.of();
    }

    private static Optional<ModelInfo> modelOf(String table, Event event, HookChain chain) {
        if (chain == null) {
            return Optional.empty();
        }
        Optional<ModelInfo> byTable = chain.modelForTable(table);
        if (byTable.isPresent()) {
            return byTable;
        }
        return table.equals(event.tableName()) && event.modelType() != Object.class
                ? chain.model(event.modelType())
                : Optional.empty();
    }

    private static ItemRef ref(
            ItemRef.Action action,
            String table,
            Event event,
            HookChain chain,
            Map<String, AttributeValue> key,
            Map<String, AttributeValue> item,
            Set<String> changed) {
        Class<?> type = modelOf(table, event, chain).<Class<?>>map(ModelInfo::type).orElse(null);
        return new ItemRef(action, table, type, key == null ? Map.of() : key, item, changed);
    }

    private static ItemRef put(
            Event event, String table, Map<String, AttributeValue> item, HookChain chain) {
        Optional<ModelInfo> model = modelOf(table, event, chain);
        Map<String, AttributeValue> key = new HashMap<>(4);
        if (model.isPresent()) {
            copy(item, model.get().partitionKeyAttribute(), key);
            model.get().sortKeyAttribute().ifPresent(sk -> copy(item, sk, key));
        } else if (event.key().isPresent()) {
            key.putAll(event.key().get());
        }
        Set<String> changed = new LinkedHashSet<>(item.keySet());
        changed.removeAll(key.keySet());
        return new ItemRef(
                ItemRef.Action.PUT,
                table,
                model.<Class<?>>map(ModelInfo::type).orElse(null),
                key,
                item,
                changed);
    }

    private static void copy(
            Map<String, AttributeValue> from, String name, Map<String, AttributeValue> to) {
        AttributeValue v = from.get(name);
        if (v != null) {
            to.put(name, v);
        }
    }

    /**
     * An update's changed attributes and partial item, as the engine compiled them (see {@link
     * Event#updateWrites}): the top-level attributes it writes, and the values of its plain {@code
     * #name = :value} assignments as the request now carries them. An update the engine did not
     * compile reports no changed attributes.
     */
    private static ItemRef update(
            Event event,
            String table,
            Map<String, AttributeValue> key,
            Map<String, AttributeValue> values,
            HookChain chain) {
        UpdateWrites writes = event.updateWrites(table, key);
        Map<String, AttributeValue> assigned = new LinkedHashMap<>();
        writes.assigned()
                .forEach(
                        (attribute, placeholder) -> {
                            AttributeValue v = values.get(placeholder);
                            if (v != null) {
                                assigned.put(attribute, v);
                            }
                        });
        Optional<ModelInfo> model = modelOf(table, event, chain);
        return new ItemRef(
                ItemRef.Action.UPDATE,
                table,
                model.<Class<?>>map(ModelInfo::type).orElse(null),
                key,
                assigned,
                writes.changed());
    }

    // ---- amendments ----

    /**
     * The request with the hooks' amendments and, when a hook wants it, consumed capacity asked
     * for.
     */
    @SuppressWarnings("unchecked")
    public static <Q extends DynamoDbRequest> Q amend(Event event, Q request, HookChain chain) {
        DynamoDbRequest out = request;
        boolean sets = !event.updateSets().isEmpty() && out instanceof UpdateItemRequest;
        if (!event.conditions().isEmpty() || sets) {
            out = withExpressions(event, out, chain, sets);
        }
        if (!event.transactionPuts().isEmpty() && out instanceof TransactWriteItemsRequest t) {
            List<TransactWriteItem> all = new ArrayList<>(t.transactItems());
            for (Map.Entry<String, Map<String, AttributeValue>> p : event.transactionPuts()) {
                all.add(
                        TransactWriteItem.builder()
                                .put(Put.builder().tableName(p.getKey()).item(p.getValue()).build())
                                .build());
            }
            out = t.toBuilder().transactItems(all).build();
        }
        if (chain.wantsConsumedCapacity()) {
            out = withCapacity(out);
        }
        return (Q) out;
    }

    /**
     * The request of a single-item write with the conditions hooks added and the attributes they
     * set, merged into the expressions the engine compiled for it (recorded on the event): the
     * added condition is ANDed to the write's, the added SET actions go in front of the update's
     * SET clause (an expression holds each clause once), each with its own placeholders.
     */
    private static DynamoDbRequest withExpressions(
            Event event, DynamoDbRequest request, HookChain chain, boolean sets) {
        Expression added = event.conditions().isEmpty() ? null : hookCondition(event, chain);
        String table;
        if (request instanceof PutItemRequest r) {
            table = r.tableName();
        } else if (request instanceof UpdateItemRequest r) {
            table = r.tableName();
        } else if (request instanceof DeleteItemRequest r) {
            table = r.tableName();
        } else {
            throw new PluginException(
                    String.format(
                            Locale.ROOT,
                            "a hook added a condition to %s on '%s', whose request (%s) cannot carry one",
                            event.operation(),
                            event.tableName(),
                            request.getClass().getSimpleName()),
                    null,
                    event.operation(),
                    event.modelType(),
                    null);
        }
        Map<String, AttributeValue> key = event.key().orElse(Map.of());
        if (!event.recorded(table, key)) {
            throw new IllegalStateException(
                    "the engine recorded no expressions for the "
                            + event.operation()
                            + " on '"
                            + table
                            + "' that hooks amend");
        }
        Expression condition = Expression.and(event.condition(table, key), added);
        Expression update = event.update(table, key);
        if (sets) {
            update = update.withLeadingSets(setActions(event.updateSets()));
        }
        Map<String, String> names = Expression.requestNames(update, condition);
        Map<String, AttributeValue> values = Expression.requestValues(update, condition);
        if (request instanceof PutItemRequest r) {
            return r.toBuilder()
                    .conditionExpression(condition.text())
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .build();
        }
        if (request instanceof UpdateItemRequest r) {
            return r.toBuilder()
                    .updateExpression(update.text())
                    .conditionExpression(Expression.textOf(condition))
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .build();
        }
        return ((DeleteItemRequest) request)
                .toBuilder()
                        .conditionExpression(condition.text())
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .build();
    }

    /** The SET actions of the attributes hooks set, with their own placeholders. */
    private static Expression setActions(Map<String, AttributeValue> sets) {
        ExpressionBuilder expr = new ExpressionBuilder("#hs", ":hs");
        StringJoiner actions = new StringJoiner(", ");
        sets.forEach(
                (attribute, value) ->
                        actions.add(expr.name(attribute) + " = " + expr.value(value)));
        return expr.build(actions.toString(), null);
    }

    /** The conditions hooks added, compiled against the event's model. */
    private static Expression hookCondition(Event event, HookChain chain) {
        ModelMetadata<?> model =
                chain.metadata(event.modelType())
                        .orElseThrow(
                                () ->
                                        new PluginException(
                                                String.format(
                                                        Locale.ROOT,
                                                        "a hook added a condition to %s on '%s', which maps no model",
                                                        event.operation(),
                                                        event.tableName()),
                                                null,
                                                event.operation(),
                                                null,
                                                null));
        Condition all =
                event.conditions().size() == 1
                        ? event.conditions().get(0)
                        : new Condition.And(new ArrayList<>(event.conditions()));
        // own placeholder prefixes, so they cannot clash with the request's #nK / :vK
        ExpressionBuilder expr = new ExpressionBuilder("#hk", ":hk");
        return expr.build(chain.conditions().compile(model, all, expr, event.operation()), null);
    }

    private static DynamoDbRequest withCapacity(DynamoDbRequest request) {
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        if (request instanceof PutItemRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        if (request instanceof UpdateItemRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        if (request instanceof DeleteItemRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        if (request instanceof GetItemRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        if (request instanceof QueryRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        if (request instanceof ScanRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        if (request instanceof BatchGetItemRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        if (request instanceof BatchWriteItemRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        if (request instanceof TransactWriteItemsRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        if (request instanceof TransactGetItemsRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        if (request instanceof SearchVectorsRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        return request;
    }

    // ---- responses ----

    /**
     * The consumed capacity of a response as hooks see it. SearchVectors reports a {@code
     * VectorCapacity} of its own, shown as the table's capacity with that entry under the vector
     * index's name (as writes report vector index capacity).
     */
    static List<ConsumedCapacity> consumedCapacity(
            DynamoDbResponse response, DynamoDbRequest sent) {
        if (response instanceof SearchVectorsResponse r
                && r.consumedCapacity() != null
                && sent instanceof SearchVectorsRequest q) {
            return List.of(
                    ConsumedCapacity.builder()
                            .tableName(q.tableName())
                            .vectorIndexes(Map.of(q.indexName(), r.consumedCapacity()))
                            .build());
        }
        return consumedCapacity(response);
    }

    public static List<ConsumedCapacity> consumedCapacity(DynamoDbResponse response) {
        if (response instanceof PutItemResponse r) {
            return one(r.consumedCapacity());
        }
        if (response instanceof UpdateItemResponse r) {
            return one(r.consumedCapacity());
        }
        if (response instanceof DeleteItemResponse r) {
            return one(r.consumedCapacity());
        }
        if (response instanceof GetItemResponse r) {
            return one(r.consumedCapacity());
        }
        if (response instanceof QueryResponse r) {
            return one(r.consumedCapacity());
        }
        if (response instanceof ScanResponse r) {
            return one(r.consumedCapacity());
        }
        if (response instanceof BatchGetItemResponse r && r.hasConsumedCapacity()) {
            return r.consumedCapacity();
        }
        if (response instanceof BatchWriteItemResponse r && r.hasConsumedCapacity()) {
            return r.consumedCapacity();
        }
        if (response instanceof TransactWriteItemsResponse r && r.hasConsumedCapacity()) {
            return r.consumedCapacity();
        }
        if (response instanceof TransactGetItemsResponse r && r.hasConsumedCapacity()) {
            return r.consumedCapacity();
        }
        return List.of();
    }

    private static List<ConsumedCapacity> one(ConsumedCapacity c) {
        return c == null ? List.of() : List.of(c);
    }

    public static int unprocessed(DynamoDbResponse response) {
        int n = 0;
        if (response instanceof BatchWriteItemResponse r && r.hasUnprocessedItems()) {
            for (List<WriteRequest> w : r.unprocessedItems().values()) {
                n += w.size();
            }
        } else if (response instanceof BatchGetItemResponse r && r.hasUnprocessedKeys()) {
            for (KeysAndAttributes k : r.unprocessedKeys().values()) {
                n += keysOf(k).size();
            }
        }
        return n;
    }
}
