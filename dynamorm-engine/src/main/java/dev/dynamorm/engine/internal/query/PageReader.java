package dev.dynamorm.engine.internal.query;

import static dev.dynamorm.engine.internal.query.TtlHiding.TTL_NAME;
import static dev.dynamorm.engine.internal.query.TtlHiding.withTtl;
import static dev.dynamorm.engine.internal.query.TtlHiding.withTtlName;

import dev.dynamorm.Operation;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import dev.dynamorm.engine.internal.model.UniqueKeys;
import dev.dynamorm.engine.internal.plugin.Event;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Sends the requests of a prepared query: one Query or Scan page at a time, or the GetItem of a
 * full-key read, with the entity family's discriminator and the hiding of expired items applied.
 *
 * @param <T> the model type
 */
final class PageReader<T> {

    private final TableAccess<T> access;
    private final ModelMetadata<T> model;
    private final TtlHiding<T> ttlHiding;

    /** The partition key attribute when the table holds sentinels of {@code @Unique} values. */
    private final String sentinelKey;

    PageReader(TableAccess<T> access) {
        this.access = access;
        this.model = access.model();
        this.ttlHiding = new TtlHiding<>(access);
        this.sentinelKey =
                UniqueKeys.fields(model).isEmpty() ? null : model.partitionKey().attributeName();
    }

    /** The placeholders of the scan filter that leaves out the sentinels of unique values. */
    static final String SENTINEL_NAME = "#uq";

    static final String SENTINEL_VALUE = ":uq";

    /** A scan filter that also leaves out the sentinels of unique values. */
    static String sentinelFilter(String filter) {
        String own = "NOT begins_with(" + SENTINEL_NAME + ", " + SENTINEL_VALUE + ")";
        return filter == null ? own : "(" + filter + ") AND " + own;
    }

    /**
     * The request of one page and how to read its answer: the TTL attribute read to hide expired
     * items, whether to strip it, whether a count reads the items.
     */
    record PageRequest(
            DynamoDbRequest request, String ttl, boolean strip, boolean countByReading) {}

    /** Reads one page; a count asks only for the number of items (unless it must read them). */
    Batch fetch(
            Prepared p,
            Map<String, AttributeValue> start,
            Integer limit,
            boolean count,
            Integer segment,
            Integer totalSegments) {
        return fetch(p, start, limit, count, segment, totalSegments, null);
    }

    /**
     * {@link #fetch(Prepared, Map, Integer, boolean, Integer, Integer)} for a call accepted on
     * another thread: the request starts with what hooks captured there ({@code origin}).
     */
    Batch fetch(
            Prepared p,
            Map<String, AttributeValue> start,
            Integer limit,
            boolean count,
            Integer segment,
            Integer totalSegments,
            Event origin) {
        PageRequest r = request(p, start, limit, count, segment, totalSegments);
        if (r.request() instanceof QueryRequest q) {
            return batchOf(
                    r, access.send(Operation.QUERY, null, q, access.client()::query, origin));
        }
        return batchOf(
                r,
                access.send(
                        Operation.SCAN,
                        null,
                        (ScanRequest) r.request(),
                        access.client()::scan,
                        origin));
    }

    /** The Query or Scan request of one page (shared with the async runner). */
    PageRequest request(
            Prepared p,
            Map<String, AttributeValue> start,
            Integer limit,
            boolean count,
            Integer segment,
            Integer totalSegments) {
        CompiledPlan plan = p.plan();
        String ttl = ttlHiding.ttlToRead(plan);
        // hiding expired items needs them read: a count then reads only their TTL attribute
        boolean countByReading = count && ttl != null;
        Discriminators family = Discriminators.of(model);
        String planProjectionText =
                family == null
                        ? plan.projection()
                        : family.projection(plan.projection(), plan.projected());
        String projection =
                countByReading ? TTL_NAME : count ? null : withTtl(plan, planProjectionText, ttl);
        boolean strip = !countByReading && projection != null && projection.endsWith(TTL_NAME);
        // the plan's projection is sent unless counting (a count by reading sends only the TTL)
        boolean planProjection = !count && plan.projection() != null;
        Map<String, String> names =
                withTtlName(plan.namesSent(true, planProjection), projection, ttl);
        // every value of a query or scan plan is in its key condition or filter
        Map<String, AttributeValue> values = p.values().isEmpty() ? null : p.values();
        String filter = plan.filter();
        if (family != null) {
            // an entity family member reads only its own items; projections read the discriminator
            filter = family.filter(filter);
            names = family.names(names, filter, projection);
            values = family.values(values, filter);
        }
        String select = countByReading ? null : count ? Select.COUNT.toString() : plan.select();
        if (sentinelKey != null && plan.operation() != Operation.QUERY) {
            // a scan of a table with @Unique fields leaves out their sentinel items
            filter = sentinelFilter(filter);
            names = names == null ? new LinkedHashMap<>() : new LinkedHashMap<>(names);
            names.put(SENTINEL_NAME, sentinelKey);
            values = values == null ? new LinkedHashMap<>() : new LinkedHashMap<>(values);
            values.put(SENTINEL_VALUE, AttributeValue.fromS(UniqueKeys.PREFIX));
        }
        if (plan.operation() == Operation.QUERY) {
            QueryRequest request =
                    QueryRequest.builder()
                            .tableName(access.tableName())
                            .indexName(plan.indexName())
                            .keyConditionExpression(plan.keyCondition())
                            .filterExpression(filter)
                            .projectionExpression(projection)
                            .expressionAttributeNames(names)
                            .expressionAttributeValues(values)
                            .exclusiveStartKey(start)
                            .limit(limit)
                            .scanIndexForward(plan.forward() ? null : Boolean.FALSE)
                            .consistentRead(plan.consistent() ? Boolean.TRUE : null)
                            .select(select)
                            .build();
            return new PageRequest(request, ttl, strip, countByReading);
        }
        ScanRequest request =
                ScanRequest.builder()
                        .tableName(access.tableName())
                        .indexName(plan.indexName())
                        .filterExpression(filter)
                        .projectionExpression(projection)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .exclusiveStartKey(start)
                        .limit(limit)
                        .consistentRead(plan.consistent() ? Boolean.TRUE : null)
                        .select(select)
                        .segment(segment)
                        .totalSegments(totalSegments)
                        .build();
        return new PageRequest(request, ttl, strip, countByReading);
    }

    /** The page a Query or Scan answered. */
    Batch batchOf(PageRequest request, DynamoDbResponse response) {
        if (response instanceof QueryResponse r) {
            return batchOf(
                    request,
                    r.hasItems() ? r.items() : List.of(),
                    r.hasLastEvaluatedKey(),
                    r.lastEvaluatedKey(),
                    r.count(),
                    r.scannedCount());
        }
        ScanResponse r = (ScanResponse) response;
        return batchOf(
                request,
                r.hasItems() ? r.items() : List.of(),
                r.hasLastEvaluatedKey(),
                r.lastEvaluatedKey(),
                r.count(),
                r.scannedCount());
    }

    private Batch batchOf(
            PageRequest request,
            List<Map<String, AttributeValue>> read,
            boolean hasLastKey,
            Map<String, AttributeValue> lastKey,
            Integer count,
            Integer scanned) {
        List<Map<String, AttributeValue>> items =
                ttlHiding.visible(read, request.ttl(), request.strip());
        return new Batch(
                items,
                lastKey(hasLastKey, lastKey),
                request.countByReading() ? items.size() : count(count),
                count(scanned));
    }

    private static int count(Integer n) {
        return n == null ? 0 : n;
    }

    private static Map<String, AttributeValue> lastKey(
            boolean has, Map<String, AttributeValue> key) {
        return has && key != null && !key.isEmpty() ? key : null;
    }

    /** Reads the one item of a full-key plan with GetItem; empty when absent or hidden. */
    Optional<Map<String, AttributeValue>> get(Prepared p) {
        GetItemRequest request = getRequest(p);
        return itemOf(
                request,
                access.send(Operation.GET, request.key(), request, access.client()::getItem));
    }

    /** The GetItem of a full-key plan (shared with the async runner). */
    GetItemRequest getRequest(Prepared p) {
        CompiledPlan plan = p.plan();
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        plan.getKey().forEach((attr, slot) -> key.put(attr, p.values().get(":v" + slot)));
        Discriminators family = Discriminators.of(model);
        String projection =
                withTtl(
                        plan,
                        family == null
                                ? plan.projection()
                                : family.projection(plan.projection(), plan.projected()),
                        ttlHiding.attribute());
        Map<String, String> names =
                withTtlName(plan.namesSent(false, true), projection, ttlHiding.attribute());
        if (family != null) {
            names = family.names(names, projection);
        }
        GetItemRequest request =
                GetItemRequest.builder()
                        .tableName(access.tableName())
                        .key(key)
                        .projectionExpression(projection)
                        .expressionAttributeNames(names)
                        .consistentRead(plan.consistent() ? Boolean.TRUE : null)
                        .build();
        return request;
    }

    /** The item a GetItem answered; empty when absent or hidden. */
    Optional<Map<String, AttributeValue>> itemOf(GetItemRequest request, GetItemResponse r) {
        if (!r.hasItem() || r.item().isEmpty()) {
            return Optional.empty();
        }
        String projection = request.projectionExpression();
        boolean strip = projection != null && projection.endsWith(TTL_NAME);
        List<Map<String, AttributeValue>> visible =
                ttlHiding.visible(List.of(r.item()), ttlHiding.attribute(), strip);
        return visible.isEmpty() ? Optional.empty() : Optional.of(visible.get(0));
    }
}
