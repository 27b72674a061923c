package dev.dynamorm.plugin.tracing.internal;

import dev.dynamorm.Hook;
import dev.dynamorm.HookContext;
import dev.dynamorm.ItemRef;
import dev.dynamorm.Operation;
import dev.dynamorm.Outcome;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Starts a span before each request (current for the request's duration, so spans of the HTTP
 * client nest under it) and ends it after, with the DynamoDB semantic-convention attributes.
 */
final class TracingHook implements Hook {

    static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
    static final AttributeKey<String> DB_OPERATION = AttributeKey.stringKey("db.operation");
    static final AttributeKey<String> RPC_SYSTEM = AttributeKey.stringKey("rpc.system");
    static final AttributeKey<String> RPC_SERVICE = AttributeKey.stringKey("rpc.service");
    static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
    static final AttributeKey<List<String>> TABLE_NAMES =
            AttributeKey.stringArrayKey("aws.dynamodb.table_names");
    static final AttributeKey<String> INDEX_NAME =
            AttributeKey.stringKey("aws.dynamodb.index_name");
    static final AttributeKey<Boolean> CONSISTENT_READ =
            AttributeKey.booleanKey("aws.dynamodb.consistent_read");
    static final AttributeKey<Long> LIMIT = AttributeKey.longKey("aws.dynamodb.limit");
    static final AttributeKey<String> PROJECTION =
            AttributeKey.stringKey("aws.dynamodb.projection");
    static final AttributeKey<String> SELECT = AttributeKey.stringKey("aws.dynamodb.select");
    static final AttributeKey<Long> COUNT = AttributeKey.longKey("aws.dynamodb.count");
    static final AttributeKey<Long> SCANNED_COUNT =
            AttributeKey.longKey("aws.dynamodb.scanned_count");
    static final AttributeKey<List<String>> CONSUMED_CAPACITY =
            AttributeKey.stringArrayKey("aws.dynamodb.consumed_capacity");
    static final AttributeKey<String> DYNAMORM_OPERATION =
            AttributeKey.stringKey("dynamorm.operation");
    static final AttributeKey<String> DYNAMORM_MODEL = AttributeKey.stringKey("dynamorm.model");
    static final AttributeKey<Long> DYNAMORM_PAGE = AttributeKey.longKey("dynamorm.page");
    static final AttributeKey<Long> DYNAMORM_ATTEMPTS = AttributeKey.longKey("dynamorm.attempts");
    static final AttributeKey<Boolean> DYNAMORM_CACHE_HIT =
            AttributeKey.booleanKey("dynamorm.cache_hit");

    /** The attributes a stream consumer gives each handler call ({@code DynamORM.observe}). */
    static final AttributeKey<String> STREAM_SHARD =
            AttributeKey.stringKey("dynamorm.stream.shard");

    static final AttributeKey<Long> STREAM_RECORDS =
            AttributeKey.longKey("dynamorm.stream.records");
    static final AttributeKey<Long> STREAM_ATTEMPT =
            AttributeKey.longKey("dynamorm.stream.attempt");
    static final AttributeKey<Long> STREAM_ITERATOR_AGE =
            AttributeKey.longKey("dynamorm.stream.iterator_age_ms");

    private static final String SPAN = "tracing:span";
    private static final String SCOPE = "tracing:scope";

    private final Tracer tracer;

    /**
     * Whether the tracer is OpenTelemetry's no-op one, whose spans record nothing: then no span is
     * started.
     */
    private final boolean noop;

    TracingHook(Tracer tracer) {
        this.tracer = tracer;
        this.noop = tracer == OpenTelemetry.noop().getTracer("dev.dynamorm");
    }

    @Override
    public boolean wantsConsumedCapacity() {
        return true;
    }

    @Override
    public void before(HookContext context) {
        if (noop) {
            return; // a no-op span would only re-wrap the current context; after() then finds no
            // span
        }
        if (context.operation() == Operation.STREAM_READ) {
            start(context, streamSpan(context));
            return;
        }
        String awsOperation = awsOperation(context);
        List<String> tables = tables(context);
        String name = tables.size() == 1 ? awsOperation + " " + tables.get(0) : awsOperation;
        SpanBuilder b =
                tracer.spanBuilder(name)
                        .setSpanKind(SpanKind.CLIENT)
                        .setParent(Context.current())
                        .setAttribute(DB_SYSTEM, "dynamodb")
                        .setAttribute(DB_OPERATION, awsOperation)
                        .setAttribute(RPC_SYSTEM, "aws-api")
                        .setAttribute(RPC_SERVICE, "DynamoDB")
                        .setAttribute(RPC_METHOD, awsOperation)
                        .setAttribute(
                                DYNAMORM_OPERATION,
                                context.operation().name().toLowerCase(Locale.ROOT));
        if (!tables.isEmpty()) {
            b.setAttribute(TABLE_NAMES, tables);
        }
        if (context.modelType() != Object.class) {
            b.setAttribute(DYNAMORM_MODEL, context.modelType().getName());
        }
        context.indexName().ifPresent(i -> b.setAttribute(INDEX_NAME, i));
        if (context.operation() == Operation.GET
                || context.operation() == Operation.QUERY
                || context.operation() == Operation.SCAN
                || context.operation() == Operation.BATCH_GET) {
            b.setAttribute(CONSISTENT_READ, context.consistentRead());
        }
        if (context.page() > 0) {
            b.setAttribute(DYNAMORM_PAGE, (long) context.page());
        }
        DynamoDbRequest request = context.request().orElse(null);
        if (request instanceof QueryRequest q) {
            readOptions(b, q.limit(), q.projectionExpression(), q.selectAsString());
        } else if (request instanceof ScanRequest s) {
            readOptions(b, s.limit(), s.projectionExpression(), s.selectAsString());
        }
        start(context, b);
    }

    // MustBeClosedChecker: the scope outlives this method on purpose; after() closes it
    @SuppressWarnings("MustBeClosedChecker")
    private static void start(HookContext context, SpanBuilder b) {
        Span span = b.startSpan();
        context.attribute(SPAN, span);
        context.attribute(SCOPE, span.makeCurrent());
    }

    /**
     * A stream consumer handling one batch of change records: a consumer span, current while the
     * handler runs so the requests it sends nest under it.
     */
    private SpanBuilder streamSpan(HookContext context) {
        SpanBuilder b =
                tracer.spanBuilder("ProcessRecords " + context.tableName())
                        .setSpanKind(SpanKind.CONSUMER)
                        .setParent(Context.current())
                        .setAttribute(DB_SYSTEM, "dynamodb")
                        .setAttribute(DYNAMORM_OPERATION, "stream_read")
                        .setAttribute(TABLE_NAMES, List.of(context.tableName()));
        if (context.modelType() != Object.class) {
            b.setAttribute(DYNAMORM_MODEL, context.modelType().getName());
        }
        if (context.attribute(STREAM_SHARD.getKey()) instanceof String shard) {
            b.setAttribute(STREAM_SHARD, shard);
        }
        for (AttributeKey<Long> key :
                List.of(STREAM_RECORDS, STREAM_ATTEMPT, STREAM_ITERATOR_AGE)) {
            if (context.attribute(key.getKey()) instanceof Number n) {
                b.setAttribute(key, n.longValue());
            }
        }
        return b;
    }

    private static void readOptions(
            SpanBuilder b, Integer limit, String projection, String select) {
        if (limit != null) {
            b.setAttribute(LIMIT, (long) limit);
        }
        if (projection != null) {
            b.setAttribute(PROJECTION, projection);
        }
        if (select != null) {
            b.setAttribute(SELECT, select);
        }
    }

    @Override
    public void after(HookContext context, Outcome outcome) {
        Object s = context.attribute(SPAN);
        if (!(s instanceof Span span)) {
            return;
        }
        if (context.attribute(SCOPE) instanceof Scope scope) {
            scope.close();
        }
        span.setAttribute(DYNAMORM_ATTEMPTS, (long) outcome.attempts());
        if (outcome.servedByHook()) {
            span.setAttribute(DYNAMORM_CACHE_HIT, true);
        }
        List<String> capacity = new ArrayList<>();
        for (ConsumedCapacity c : outcome.consumedCapacity()) {
            capacity.add(
                    String.format(
                            Locale.ROOT,
                            "{\"TableName\":\"%s\",\"CapacityUnits\":%s}",
                            c.tableName(),
                            c.capacityUnits()));
        }
        if (!capacity.isEmpty()) {
            span.setAttribute(CONSUMED_CAPACITY, capacity);
        }
        DynamoDbResponse response = outcome.response().orElse(null);
        if (response instanceof QueryResponse q) {
            counts(span, q.count(), q.scannedCount());
        } else if (response instanceof ScanResponse sc) {
            counts(span, sc.count(), sc.scannedCount());
        }
        outcome.failure()
                .ifPresent(
                        f -> {
                            span.recordException(f);
                            span.setStatus(StatusCode.ERROR, String.valueOf(f.getMessage()));
                        });
        span.end();
    }

    private static void counts(Span span, Integer count, Integer scanned) {
        if (count != null) {
            span.setAttribute(COUNT, (long) count);
        }
        if (scanned != null) {
            span.setAttribute(SCANNED_COUNT, (long) scanned);
        }
    }

    private static List<String> tables(HookContext context) {
        Set<String> names = new LinkedHashSet<>();
        if (context.operation() == Operation.BATCH_GET
                || context.operation() == Operation.BATCH_WRITE
                || context.transactional()) {
            for (ItemRef r : context.items()) {
                names.add(r.tableName());
            }
        }
        if (names.isEmpty() && !context.tableName().isEmpty()) {
            names.add(context.tableName());
        }
        return List.copyOf(names);
    }

    /** The AWS API operation name, e.g. {@code PutItem}. */
    static String awsOperation(HookContext context) {
        DynamoDbRequest request = context.request().orElse(null);
        if (request != null) {
            String simple = request.getClass().getSimpleName();
            return simple.endsWith("Request")
                    ? simple.substring(0, simple.length() - "Request".length())
                    : simple;
        }
        return switch (context.operation()) {
            case CREATE, PUT -> "PutItem";
            case GET -> "GetItem";
            case UPDATE -> "UpdateItem";
            case DELETE -> "DeleteItem";
            case QUERY -> "Query";
            case SCAN -> "Scan";
            case BATCH_GET -> "BatchGetItem";
            case BATCH_WRITE -> "BatchWriteItem";
            case TRANSACT_WRITE -> "TransactWriteItems";
            case TRANSACT_GET -> "TransactGetItems";
            case CREATE_TABLE -> "CreateTable";
            case DESCRIBE_TABLE -> "DescribeTable";
            case DELETE_TABLE -> "DeleteTable";
            case UPDATE_TIME_TO_LIVE -> "UpdateTimeToLive";
            default -> context.operation().name();
        };
    }
}
