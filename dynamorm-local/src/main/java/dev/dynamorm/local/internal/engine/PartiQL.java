package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.wire.Json;
import dev.dynamorm.local.internal.wire.Request;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PartiQL for DynamoDB: {@code ExecuteStatement}, {@code BatchExecuteStatement} and {@code
 * ExecuteTransaction} for DynamoDB's subset ({@code SELECT}, {@code INSERT}, {@code UPDATE}, {@code
 * DELETE}, and {@code EXISTS} in transactions). Each statement is {@link PartiQLPlanner planned} as
 * the equivalent Query / Scan / PutItem / UpdateItem / DeleteItem request and run by the ordinary
 * operations, so the same validation and semantics apply.
 */
final class PartiQL {
    private final Engine engine;
    private final ItemOps items;
    private final ReadOps reads;
    private final PartiQLBatch batches;

    PartiQL(Engine engine, ItemOps items, ReadOps reads, TransactOps transactions) {
        this.engine = engine;
        this.items = items;
        this.reads = reads;
        this.batches = new PartiQLBatch(engine, this, transactions);
    }

    /** ExecuteStatement. */
    Map<String, Object> execute(Request r) {
        String statement = r.requiredString("Statement");
        PartiQLStatement s = new PartiQLPlanner(engine, statement, r.list("Parameters")).plan();
        return switch (s.kind()) {
            case QUERY, SCAN -> select(s, r);
            case EXISTS ->
                    throw PartiQLLexer.malformed("EXISTS is supported only in ExecuteTransaction");
            default -> returned(s, write(s, r));
        };
    }

    /**
     * The answer of a write: with a {@code RETURNING} clause, the returned attributes as the one
     * element of {@code Items} (an empty {@code Items} when there are none), else nothing.
     */
    private static Map<String, Object> returned(PartiQLStatement s, Map<String, Object> result) {
        Map<String, Object> answer = new LinkedHashMap<>();
        if (s.request().containsKey("ReturnValues")) {
            // the write answers Attributes only when there are some
            Object attributes = result.get("Attributes");
            answer.put("Items", attributes != null ? List.of(attributes) : List.of());
        }
        return answer;
    }

    /** BatchExecuteStatement. */
    Map<String, Object> batch(Request r) {
        return batches.batch(r);
    }

    /** ExecuteTransaction. */
    Map<String, Object> transaction(Request r) {
        return batches.transaction(r);
    }

    private Map<String, Object> select(PartiQLStatement s, Request r) {
        Map<String, Object> req = new LinkedHashMap<>(s.request());
        if (r.has("Limit")) {
            req.put("Limit", r.integer("Limit"));
        }
        if (r.bool("ConsistentRead")) {
            IndexDef index =
                    s.request().get("IndexName") instanceof String name
                            ? engine.table(s.tableName()).meta().index(name)
                            : null;
            if (index != null && index.global()) {
                throw DynamoException.validation(
                        "Strongly consistent read is not supported on Global Secondary Indexes");
            }
            req.put("ConsistentRead", true);
        }
        if (r.has("NextToken")) {
            req.put("ExclusiveStartKey", decodeToken(r.string("NextToken")));
        }
        Map<String, Object> out =
                s.kind() == PartiQLStatement.Kind.QUERY
                        ? reads.query(new Request(req))
                        : reads.scan(new Request(req));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("Items", out.getOrDefault("Items", List.of()));
        if (out.get("LastEvaluatedKey") != null) {
            answer.put("NextToken", encodeToken(out.get("LastEvaluatedKey")));
        }
        return answer;
    }

    /**
     * The item a SELECT with a full primary key finds (after its other conditions), or null; for
     * BatchExecuteStatement.
     */
    @SuppressWarnings("unchecked")
    Object selectOne(PartiQLStatement s, Request options) {
        Map<String, Object> req = new LinkedHashMap<>(s.request());
        if (options.bool("ConsistentRead")) {
            req.put("ConsistentRead", true);
        }
        List<Object> found = (List<Object>) reads.query(new Request(req)).get("Items");
        return found == null || found.isEmpty() ? null : found.get(0);
    }

    /**
     * Runs an INSERT, UPDATE or DELETE with the statement's ReturnValuesOnConditionCheckFailure and
     * answers the request's result.
     */
    Map<String, Object> write(PartiQLStatement s, Request options) {
        Map<String, Object> req = withOnFailure(s.request(), options);
        return switch (s.kind()) {
            case INSERT -> {
                try {
                    yield items.put(new Request(req));
                } catch (DynamoException e) {
                    if (e.type().equals("ConditionalCheckFailedException")) {
                        throw duplicate();
                    }
                    throw e;
                }
            }
            case UPDATE -> items.update(new Request(req));
            case DELETE -> items.delete(new Request(req));
            default -> throw new IllegalArgumentException("not a write: " + s.kind());
        };
    }

    static Map<String, Object> withOnFailure(Map<String, Object> request, Request options) {
        Map<String, Object> req = new LinkedHashMap<>(request);
        if (options.has("ReturnValuesOnConditionCheckFailure")) {
            req.put(
                    "ReturnValuesOnConditionCheckFailure",
                    options.string("ReturnValuesOnConditionCheckFailure"));
        }
        return req;
    }

    static DynamoException duplicate() {
        return new DynamoException("DuplicateItemException", DUPLICATE_MESSAGE, 400, null);
    }

    static final String DUPLICATE_MESSAGE = "Duplicate primary key exists in table";

    private static String encodeToken(Object key) {
        return Base64.getEncoder().encodeToString(Json.write(key));
    }

    private static Object decodeToken(String token) {
        try {
            return Json.parse(Base64.getDecoder().decode(token));
        } catch (IOException | IllegalArgumentException e) {
            throw DynamoException.validation("Invalid NextToken");
        }
    }
}
