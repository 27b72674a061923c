package dev.dynamorm.test.assertions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * One request a {@link RequestRecorder} saw the SDK send: the operation, the request as sent (after
 * every interceptor changed it), the response or the failure, and the number of attempts. The
 * expression accessors read the request's fields, with {@link #render(String)} turning placeholders
 * into names and values. Immutable.
 */
public final class RecordedRequest {

    private final String operation;
    private final SdkRequest request;
    private final SdkResponse response;
    private final Throwable failure;
    private final int attempts;

    RecordedRequest(
            String operation,
            SdkRequest request,
            SdkResponse response,
            Throwable failure,
            int attempts) {
        this.operation = Objects.requireNonNull(operation, "operation");
        this.request = Objects.requireNonNull(request, "request");
        this.response = response;
        this.failure = failure;
        this.attempts = attempts;
    }

    /**
     * The DynamoDB operation, as the API names it: {@code Query}, {@code GetItem}, {@code PutItem},
     * {@code TransactWriteItems}, ...
     *
     * @return the operation name
     */
    public String operation() {
        return operation;
    }

    /**
     * The SDK request as sent.
     *
     * @return the request
     */
    public SdkRequest request() {
        return request;
    }

    /**
     * The SDK request as sent, as its concrete type.
     *
     * @param type e.g. {@code QueryRequest.class}
     * @param <R> the request type
     * @return the request
     * @throws IllegalStateException if the request is of another type (the message names it)
     */
    public <R extends SdkRequest> R request(Class<R> type) {
        if (!type.isInstance(request)) {
            throw new IllegalStateException(
                    "the recorded request is a "
                            + request.getClass().getSimpleName()
                            + " ("
                            + operation
                            + "), not a "
                            + type.getSimpleName());
        }
        return type.cast(request);
    }

    /**
     * The response, when the request succeeded (or has not finished yet: then empty).
     *
     * @return the response, or empty
     */
    public Optional<SdkResponse> response() {
        return Optional.ofNullable(response);
    }

    /**
     * The exception that ended the request, after the SDK's own retries.
     *
     * @return the failure, or empty when it succeeded or is still running
     */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Whether the request finished with a response.
     *
     * @return true when it succeeded
     */
    public boolean succeeded() {
        return response != null;
    }

    /**
     * How many times the SDK sent it (more than 1 when the client's own retries ran).
     *
     * @return the attempts, at least 1 once sent
     */
    public int attempts() {
        return attempts;
    }

    /**
     * The tables the request names: its {@code TableName}, the keys of {@code RequestItems}
     * (batches) or the tables of each transaction action.
     *
     * @return the physical table names, in request order
     */
    public List<String> tableNames() {
        Set<String> names = new LinkedHashSet<>();
        field("TableName", String.class).ifPresent(names::add);
        field("RequestItems", Map.class)
                .ifPresent(
                        m -> {
                            for (Object table : m.keySet()) {
                                names.add(String.valueOf(table));
                            }
                        });
        field("TransactItems", List.class)
                .ifPresent(
                        items -> {
                            for (Object item : items) {
                                if (item instanceof TransactWriteItem w) {
                                    if (w.put() != null) {
                                        names.add(w.put().tableName());
                                    }
                                    if (w.update() != null) {
                                        names.add(w.update().tableName());
                                    }
                                    if (w.delete() != null) {
                                        names.add(w.delete().tableName());
                                    }
                                    if (w.conditionCheck() != null) {
                                        names.add(w.conditionCheck().tableName());
                                    }
                                } else if (item instanceof TransactGetItem g && g.get() != null) {
                                    names.add(g.get().tableName());
                                }
                            }
                        });
        return List.copyOf(names);
    }

    /**
     * The index a Query or Scan reads.
     *
     * @return the index name, or empty for the table itself or other operations
     */
    public Optional<String> indexName() {
        return field("IndexName", String.class);
    }

    /**
     * The key condition expression of a Query, with placeholders.
     *
     * @return the expression, or empty
     */
    public Optional<String> keyCondition() {
        return field("KeyConditionExpression", String.class);
    }

    /**
     * The filter expression of a Query or Scan, with placeholders.
     *
     * @return the expression, or empty
     */
    public Optional<String> filter() {
        return field("FilterExpression", String.class);
    }

    /**
     * The condition expression of a write, with placeholders.
     *
     * @return the expression, or empty
     */
    public Optional<String> condition() {
        return field("ConditionExpression", String.class);
    }

    /**
     * The update expression of an UpdateItem, with placeholders.
     *
     * @return the expression, or empty
     */
    public Optional<String> update() {
        return field("UpdateExpression", String.class);
    }

    /**
     * The projection expression, with placeholders.
     *
     * @return the expression, or empty
     */
    public Optional<String> projection() {
        return field("ProjectionExpression", String.class);
    }

    /**
     * Whether a read asked for strong consistency.
     *
     * @return true when {@code ConsistentRead} is true
     */
    public boolean consistentRead() {
        return field("ConsistentRead", Boolean.class).orElse(false);
    }

    /**
     * The {@code Limit} of a Query or Scan.
     *
     * @return the limit, or empty
     */
    public Optional<Integer> limit() {
        return field("Limit", Integer.class);
    }

    /**
     * The key of a GetItem, UpdateItem or DeleteItem.
     *
     * @return the key attributes, empty for other operations
     */
    @SuppressWarnings("unchecked")
    public Map<String, AttributeValue> key() {
        return field("Key", Map.class)
                .map(m -> Collections.unmodifiableMap(new LinkedHashMap<String, AttributeValue>(m)))
                .orElse(Map.of());
    }

    /**
     * The item of a PutItem.
     *
     * @return the attributes, empty for other operations
     */
    @SuppressWarnings("unchecked")
    public Map<String, AttributeValue> item() {
        return field("Item", Map.class)
                .map(m -> Collections.unmodifiableMap(new LinkedHashMap<String, AttributeValue>(m)))
                .orElse(Map.of());
    }

    /**
     * The expression attribute names.
     *
     * @return placeholder to attribute name; empty when none
     */
    @SuppressWarnings("unchecked")
    public Map<String, String> expressionNames() {
        return field("ExpressionAttributeNames", Map.class)
                .map(m -> (Map<String, String>) m)
                .orElse(Map.of());
    }

    /**
     * The expression attribute values.
     *
     * @return placeholder to value; empty when none
     */
    @SuppressWarnings("unchecked")
    public Map<String, AttributeValue> expressionValues() {
        return field("ExpressionAttributeValues", Map.class)
                .map(m -> (Map<String, AttributeValue>) m)
                .orElse(Map.of());
    }

    /**
     * An expression of this request with its placeholders replaced by names and values, as {@link
     * DynamoAssertions} compares them: {@code status = 'PAID' AND createdAt > '2026-01-01'}.
     *
     * @param expression an expression of this request, e.g. {@code keyCondition().get()}
     * @return the rendered expression
     */
    public String render(String expression) {
        return ExpressionText.render(expression, expressionNames(), expressionValues());
    }

    private <V> Optional<V> field(String name, Class<V> type) {
        try {
            return request.getValueForField(name, type);
        } catch (ClassCastException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add(operation + " " + tableNames());
        indexName().ifPresent(i -> parts.add("index " + i));
        if (!key().isEmpty()) {
            parts.add("key " + ExpressionText.item(key()));
        }
        keyCondition().ifPresent(k -> parts.add("key condition " + render(k)));
        filter().ifPresent(f -> parts.add("filter " + render(f)));
        condition().ifPresent(c -> parts.add("condition " + render(c)));
        update().ifPresent(u -> parts.add("update " + render(u)));
        projection().ifPresent(p -> parts.add("projection " + render(p)));
        if (consistentRead()) {
            parts.add("consistent read");
        }
        limit().ifPresent(l -> parts.add("limit " + l));
        parts.add(
                failure != null
                        ? "failed: " + failure.getClass().getSimpleName()
                        : response != null ? "succeeded" : "running");
        if (attempts > 1) {
            parts.add(attempts + " attempts");
        }
        return String.join(", ", parts);
    }
}
