package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.expr.Bindings;
import dev.dynamorm.local.internal.expr.Documents;
import dev.dynamorm.local.internal.value.Value;
import dev.dynamorm.local.internal.wire.AttributeCodec;
import dev.dynamorm.local.internal.wire.Json;
import dev.dynamorm.local.internal.wire.Request;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchExecuteStatement (up to 25 statements, each answered on its own, errors included) and
 * ExecuteTransaction (up to 100 statements, all reads or all writes, run atomically as
 * TransactGetItems / TransactWriteItems with cancellation reasons and idempotency token).
 */
final class PartiQLBatch {
    private static final int MAX_BATCH = 25;
    private static final int MAX_TRANSACTION = 100;

    private final Engine engine;
    private final PartiQL partiql;
    private final TransactOps transactions;

    PartiQLBatch(Engine engine, PartiQL partiql, TransactOps transactions) {
        this.engine = engine;
        this.partiql = partiql;
        this.transactions = transactions;
    }

    /** The statement list of a request, checked against DynamoDB's length constraints. */
    private static List<Request> statements(Request r, String field, int max) {
        List<Object> list = r.list(field);
        String member = Character.toLowerCase(field.charAt(0)) + field.substring(1);
        if (list == null) {
            throw DynamoException.validation(
                    "1 validation error detected: Value null at '"
                            + member
                            + "' failed to satisfy constraint: Member must not be null");
        }
        if (list.isEmpty() || list.size() > max) {
            throw DynamoException.validation(
                    "1 validation error detected: Value '"
                            + (list.isEmpty() ? "[]" : "[...]")
                            + "' at '"
                            + member
                            + "' failed to satisfy constraint: Member must have length "
                            + (list.isEmpty()
                                    ? "greater than or equal to 1"
                                    : "less than or equal to " + max));
        }
        List<Request> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Request st = Request.of(list.get(i));
            if (st.string("Statement") == null) {
                throw DynamoException.validation(
                        "1 validation error detected: Value null at '"
                                + member
                                + "."
                                + (i + 1)
                                + ".member.statement' failed to satisfy constraint: Member must not be null");
            }
            out.add(st);
        }
        return out;
    }

    // ---- BatchExecuteStatement

    Map<String, Object> batch(Request r) {
        List<Request> statements = statements(r, "Statements", MAX_BATCH);
        int n = statements.size();
        PartiQLStatement[] plans = new PartiQLStatement[n];
        Map<String, Object>[] responses = newResponses(n);
        boolean reads = false;
        boolean writes = false;
        for (int i = 0; i < n; i++) {
            Request st = statements.get(i);
            PartiQLPlanner planner =
                    new PartiQLPlanner(engine, st.string("Statement"), st.list("Parameters"));
            try {
                plans[i] = planner.plan();
                if (plans[i].kind() == PartiQLStatement.Kind.EXISTS) {
                    throw PartiQLLexer.malformed("EXISTS is supported only in ExecuteTransaction");
                }
                reads |= plans[i].isRead();
                writes |= !plans[i].isRead();
            } catch (DynamoException e) {
                responses[i] = error(e, planner.tableName());
            }
        }
        if (reads && writes) {
            throw DynamoException.validation(
                    "Read and write requests together in the same batch is not supported.");
        }
        Set<List<Object>> keys = new HashSet<>();
        for (PartiQLStatement s : plans) {
            if (s != null
                    && s.key() != null
                    && !keys.add(List.of(s.tableName(), s.key().toString()))) {
                throw DynamoException.validation("Provided list of item keys contains duplicates");
            }
        }
        for (int i = 0; i < n; i++) {
            PartiQLStatement s = plans[i];
            if (s == null) {
                continue;
            }
            try {
                responses[i] = new LinkedHashMap<>();
                responses[i].put("TableName", s.tableName());
                if (s.isRead()) {
                    if (s.get() == null) {
                        throw DynamoException.validation(
                                "Select statements within BatchExecuteStatement must specify the primary key in the where clause.");
                    }
                    Object item = partiql.selectOne(s, statements.get(i));
                    if (item != null) {
                        responses[i].put("Item", item);
                    }
                } else {
                    // a RETURNING clause answers the returned attributes as the member's Item
                    Object returned = partiql.write(s, statements.get(i)).get("Attributes");
                    if (s.request().containsKey("ReturnValues") && returned != null) {
                        responses[i].put("Item", returned);
                    }
                }
            } catch (DynamoException e) {
                responses[i] = error(e, s.tableName());
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Responses", List.of((Object[]) responses));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object>[] newResponses(int n) {
        return (Map<String, Object>[]) new Map<?, ?>[n];
    }

    /** A statement's error as BatchStatementResponse: Code, Message and the item (ALL_OLD). */
    private static Map<String, Object> error(DynamoException e, String tableName) {
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("Code", code(e.type()));
        err.put("Message", e.getMessage());
        Object item = e.body().get("Item");
        if (item != null) {
            err.put("Item", item);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("Error", err);
        // a statement DynamoDB refuses as invalid is not attributed to its table
        if (tableName != null && !e.type().equals("ValidationException")) {
            response.put("TableName", tableName);
        }
        return response;
    }

    /** The BatchStatementError code of an exception type. */
    private static String code(String type) {
        return switch (type) {
            case "ValidationException" -> "ValidationError";
            case "ThrottlingException" -> "ThrottlingError";
            case "InternalServerError", "RequestLimitExceeded" -> type;
            default ->
                    type.endsWith("Exception")
                            ? type.substring(0, type.length() - "Exception".length())
                            : type;
        };
    }

    // ---- ExecuteTransaction

    Map<String, Object> transaction(Request r) {
        List<Request> statements = statements(r, "TransactStatements", MAX_TRANSACTION);
        List<PartiQLStatement> plans = new ArrayList<>();
        boolean reads = false;
        boolean writes = false;
        for (Request st : statements) {
            PartiQLStatement s =
                    new PartiQLPlanner(engine, st.string("Statement"), st.list("Parameters"))
                            .plan();
            if (s.isRead() && s.request().containsKey("IndexName")) {
                throw DynamoException.validation(
                        "Validation failed in TransactStatements["
                                + plans.size()
                                + "]: Reads on indices are not supported within transactions.");
            }
            if (s.request().containsKey("ReturnValues")) {
                // a transaction answers no items for its writes (ExecuteTransaction returns
                // Responses only for reads), so a RETURNING clause cannot be honoured
                throw PartiQLLexer.malformed("RETURNING is not supported in ExecuteTransaction");
            }
            plans.add(s);
            reads |= s.isRead();
            writes |= !s.isRead();
        }
        if (reads && writes) {
            throw DynamoException.validation(
                    "ExecuteTransaction API does not support both read and write operations in the same request.");
        }
        return reads ? transactRead(r, plans) : transactWrite(r, statements, plans);
    }

    private Map<String, Object> transactRead(Request r, List<PartiQLStatement> plans) {
        List<Object> gets = new ArrayList<>();
        for (PartiQLStatement s : plans) {
            if (s.get() == null) {
                throw DynamoException.validation(
                        "Where clause does not contain a mandatory equality on all key attributes");
            }
            Map<String, Object> get = new LinkedHashMap<>(s.get());
            if (s.filter() != null) {
                // the filter may test attributes the projection drops: project after filtering
                get.remove("ProjectionExpression");
                get.remove("ExpressionAttributeNames");
            }
            gets.add(Map.of("Get", get));
        }
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("TransactItems", gets);
        if (r.has("ReturnConsumedCapacity")) {
            req.put("ReturnConsumedCapacity", r.string("ReturnConsumedCapacity"));
        }
        Map<String, Object> got = transactions.get(new Request(req));
        @SuppressWarnings("unchecked")
        List<Object> found = (List<Object>) got.get("Responses");
        List<Object> responses = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            responses.add(filtered(plans.get(i), found.get(i)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Responses", responses);
        if (got.get("ConsumedCapacity") != null) {
            out.put("ConsumedCapacity", got.get("ConsumedCapacity"));
        }
        return out;
    }

    /** A read's response after the SELECT's non-key conditions and projection. */
    private Object filtered(PartiQLStatement s, Object response) {
        if (s.filter() == null
                || !(Request.of(response).raw().get("Item") instanceof Json.Item found)) {
            return response;
        }
        Map<String, Value> item = found.attributes();
        if (!ItemOps.prepare(engine, "ConditionCheck", new Request(s.filter()))
                .conditionHolds(item)) {
            return Map.of();
        }
        Request get = new Request(s.get());
        Bindings b = Engine.bindings(get);
        List<List<Object>> projection = ItemOps.projection(get, b);
        return Map.of(
                "Item",
                AttributeCodec.json(
                        projection == null ? item : Documents.project(item, projection)));
    }

    private Map<String, Object> transactWrite(
            Request r, List<Request> statements, List<PartiQLStatement> plans) {
        List<Object> actions = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            PartiQLStatement s = plans.get(i);
            Map<String, Object> req = PartiQL.withOnFailure(s.request(), statements.get(i));

            String action =
                    switch (s.kind()) {
                        case INSERT -> "Put";
                        case UPDATE -> "Update";
                        case DELETE -> "Delete";
                        default -> "ConditionCheck";
                    };
            actions.add(Map.of(action, req));
        }
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("TransactItems", actions);
        for (String option : List.of("ClientRequestToken", "ReturnConsumedCapacity")) {
            if (r.has(option)) {
                req.put(option, r.string(option));
            }
        }
        Map<String, Object> done;
        try {
            done = transactions.write(new Request(req));
        } catch (DynamoException e) {
            throw e.type().equals("TransactionCanceledException") ? duplicates(e, plans) : e;
        }
        List<Object> responses = new ArrayList<>();
        plans.forEach(s -> responses.add(Map.of()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Responses", responses);
        if (done.get("ConsumedCapacity") != null) {
            out.put("ConsumedCapacity", done.get("ConsumedCapacity"));
        }
        return out;
    }

    /**
     * An INSERT whose item exists is cancelled as {@code DuplicateItem}, not a failed condition.
     */
    @SuppressWarnings("unchecked")
    private static DynamoException duplicates(DynamoException e, List<PartiQLStatement> plans) {
        List<Object> reasons = (List<Object>) e.body().get("CancellationReasons");
        if (reasons == null) {
            return e;
        }
        List<Object> rewritten = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < reasons.size(); i++) {
            Map<String, Object> reason = (Map<String, Object>) reasons.get(i);
            if (plans.get(i).kind() == PartiQLStatement.Kind.INSERT
                    && "ConditionalCheckFailed".equals(reason.get("Code"))) {
                reason = new LinkedHashMap<>(reason);
                reason.put("Code", "DuplicateItem");
                reason.put("Message", PartiQL.DUPLICATE_MESSAGE);
            }
            rewritten.add(reason);
            codes.add(String.valueOf(reason.get("Code")));
        }
        return new DynamoException(
                "TransactionCanceledException",
                "Transaction cancelled, please refer cancellation reasons for specific reasons "
                        + codes,
                400,
                Map.of("CancellationReasons", rewritten));
    }
}
