package dev.dynamorm.engine.internal;

import dev.dynamorm.BillingMode;
import dev.dynamorm.CreateTableOptions;
import dev.dynamorm.DynamORMException;
import dev.dynamorm.DynamoServiceException;
import dev.dynamorm.Operation;
import dev.dynamorm.SchemaDrift;
import dev.dynamorm.TableInUseException;
import dev.dynamorm.TableNotFoundException;
import dev.dynamorm.annotations.ProjectionType;
import dev.dynamorm.engine.internal.client.EngineContext;
import dev.dynamorm.engine.internal.client.ErrorMapper;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.IndexMetadata;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import dev.dynamorm.engine.internal.plugin.Event;
import dev.dynamorm.engine.internal.vector.VectorIndexModel;
import dev.dynamorm.engine.internal.vector.VectorIndexes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** Creates, describes, deletes and compares a model's table. */
final class TableAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(TableAdmin.class);
    private static final Duration WAIT_LIMIT = Duration.ofMinutes(10);

    private final ModelMetadata<?> model;

    /** What defines the table: the model, or for a family member the family (every index). */
    private final ModelMetadata<?> table;

    private final String tableName;
    private final EngineContext ctx;

    TableAdmin(ModelMetadata<?> model, String tableName, EngineContext ctx) {
        this.model = model;
        this.table = model.tableModel();
        this.tableName = tableName;
        this.ctx = ctx;
    }

    void create(CreateTableOptions options) {
        CreateTableRequest request = createRequest(options);
        run(Operation.CREATE_TABLE, () -> ctx.client().createTable(request));
        LOG.info("created table {} for model {}", tableName, model.type().getName());
        if (options.waitUntilActive()) {
            waitUntilActive();
        }
        enableTtl();
    }

    boolean createIfMissing() {
        if (exists()) {
            waitUntilActive();
            return false;
        }
        try {
            create(CreateTableOptions.onDemand());
            return true;
        } catch (TableInUseException raced) {
            // another process created it between our check and our create
            waitUntilActive();
            return false;
        }
    }

    /**
     * Whether the table exists. A missing table is the probe's answer, not a failure: hooks see a
     * successful DescribeTable (metrics outcome success, span status unset), not an error.
     */
    boolean exists() {
        DescribeTableResponse answer =
                run(
                        Operation.DESCRIBE_TABLE,
                        () -> {
                            try {
                                return ctx.client().describeTable(b -> b.tableName(tableName));
                            } catch (ResourceNotFoundException absent) {
                                return DescribeTableResponse.builder().build();
                            }
                        });
        return answer.table() != null;
    }

    TableDescription describe() {
        return run(
                        Operation.DESCRIBE_TABLE,
                        () -> ctx.client().describeTable(b -> b.tableName(tableName)))
                .table();
    }

    void delete() {
        run(Operation.DELETE_TABLE, () -> ctx.client().deleteTable(b -> b.tableName(tableName)));
        LOG.info("deleted table {}", tableName);
        long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
        long pause = 20;
        while (System.nanoTime() < deadline) {
            try {
                ctx.client().describeTable(b -> b.tableName(tableName));
            } catch (ResourceNotFoundException gone) {
                return;
            }
            pause = sleep(pause);
        }
        throw new DynamoServiceException(
                "table '"
                        + tableName
                        + "' still exists "
                        + WAIT_LIMIT.toMinutes()
                        + " minutes after deletion",
                Operation.DELETE_TABLE,
                model.type(),
                true,
                null);
    }

    private void waitUntilActive() {
        long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
        long pause = 20;
        while (System.nanoTime() < deadline) {
            TableDescription d = describe();
            boolean indexesActive =
                    !d.hasGlobalSecondaryIndexes()
                            || d.globalSecondaryIndexes().stream()
                                    .allMatch(
                                            i ->
                                                    i.indexStatus() == null
                                                            || "ACTIVE"
                                                                    .equals(
                                                                            i
                                                                                    .indexStatusAsString()));
            if (d.tableStatus() == TableStatus.ACTIVE && indexesActive && VectorIndexes.active(d)) {
                return;
            }
            pause = sleep(pause);
        }
        throw new DynamoServiceException(
                "table '"
                        + tableName
                        + "' is not active after "
                        + WAIT_LIMIT.toMinutes()
                        + " minutes",
                Operation.CREATE_TABLE,
                model.type(),
                true,
                null);
    }

    private static long sleep(long pauseMillis) {
        try {
            Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a table", e);
        }
        return Math.min(pauseMillis * 2, 1000);
    }

    private void enableTtl() {
        Optional<FieldMetadata> ttl = table.ttlField();
        if (ttl.isEmpty()) {
            return;
        }
        String attribute = ttl.get().attributeName();
        run(
                Operation.UPDATE_TIME_TO_LIVE,
                () ->
                        ctx.client()
                                .updateTimeToLive(
                                        b ->
                                                b.tableName(tableName)
                                                        .timeToLiveSpecification(
                                                                s ->
                                                                        s.enabled(true)
                                                                                .attributeName(
                                                                                        attribute))));
        LOG.info("enabled time to live on {}.{}", tableName, attribute);
    }

    CreateTableRequest createRequest(CreateTableOptions options) {
        Map<String, ScalarAttributeType> definitions = new LinkedHashMap<>();
        List<KeySchemaElement> keySchema =
                keySchema(
                        List.of(table.partitionKey()),
                        table.sortKey().map(List::of).orElse(List.of()),
                        definitions);
        List<GlobalSecondaryIndex> gsis = new ArrayList<>();
        List<LocalSecondaryIndex> lsis = new ArrayList<>();
        ProvisionedThroughput throughput =
                options.billingMode() == BillingMode.PROVISIONED
                        ? ProvisionedThroughput.builder()
                                .readCapacityUnits(options.readCapacityUnits())
                                .writeCapacityUnits(options.writeCapacityUnits())
                                .build()
                        : null;
        for (IndexMetadata index : table.indexes()) {
            List<KeySchemaElement> indexKeys =
                    keySchema(index.partitionKeys(), index.sortKeys(), definitions);
            Projection projection = projection(index);
            if (index.global()) {
                gsis.add(
                        GlobalSecondaryIndex.builder()
                                .indexName(index.name())
                                .keySchema(indexKeys)
                                .projection(projection)
                                .provisionedThroughput(throughput)
                                .build());
            } else {
                lsis.add(
                        LocalSecondaryIndex.builder()
                                .indexName(index.name())
                                .keySchema(indexKeys)
                                .projection(projection)
                                .build());
            }
        }
        List<VectorIndexModel> vectors = VectorIndexes.of(table);
        if (!vectors.isEmpty() && options.billingMode() == BillingMode.PROVISIONED) {
            throw new dev.dynamorm.InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "model %s declares vector indexes, which need on-demand billing: create the table with CreateTableOptions.onDemand()",
                            model.type().getName()),
                    Operation.CREATE_TABLE,
                    model.type(),
                    null);
        }
        VectorIndexes.attributeDefinitions(vectors).forEach(definitions::putIfAbsent);
        List<AttributeDefinition> attributeDefinitions = new ArrayList<>();
        definitions.forEach(
                (name, type) ->
                        attributeDefinitions.add(
                                AttributeDefinition.builder()
                                        .attributeName(name)
                                        .attributeType(type)
                                        .build()));
        return CreateTableRequest.builder()
                .tableName(tableName)
                .keySchema(keySchema)
                .attributeDefinitions(attributeDefinitions)
                .globalSecondaryIndexes(gsis.isEmpty() ? null : gsis)
                .localSecondaryIndexes(lsis.isEmpty() ? null : lsis)
                .vectorIndexes(vectors.isEmpty() ? null : VectorIndexes.toSdk(vectors))
                .billingMode(options.billingMode().name())
                .provisionedThroughput(throughput)
                .build();
    }

    /** HASH elements then RANGE elements, in key order (several for a multi-attribute key). */
    private static List<KeySchemaElement> keySchema(
            List<FieldMetadata> partition,
            List<FieldMetadata> sort,
            Map<String, ScalarAttributeType> definitions) {
        List<KeySchemaElement> keys = new ArrayList<>(partition.size() + sort.size());
        for (FieldMetadata p : partition) {
            keys.add(
                    KeySchemaElement.builder()
                            .attributeName(p.attributeName())
                            .keyType(KeyType.HASH)
                            .build());
            definitions.put(p.attributeName(), scalarType(p));
        }
        for (FieldMetadata s : sort) {
            keys.add(
                    KeySchemaElement.builder()
                            .attributeName(s.attributeName())
                            .keyType(KeyType.RANGE)
                            .build());
            definitions.put(s.attributeName(), scalarType(s));
        }
        return keys;
    }

    private static ScalarAttributeType scalarType(FieldMetadata field) {
        AttributeValue.Type type = field.attributeType();
        return switch (type) {
            case S -> ScalarAttributeType.S;
            case N -> ScalarAttributeType.N;
            case B -> ScalarAttributeType.B;
            default ->
                    throw new IllegalStateException(
                            "key field " + field.name() + " writes " + type);
        };
    }

    private static Projection projection(IndexMetadata index) {
        Projection.Builder p = Projection.builder().projectionType(index.projection().name());
        if (index.projection() == ProjectionType.INCLUDE) {
            p.nonKeyAttributes(index.includedAttributes());
        }
        return p.build();
    }

    SchemaDrift drift() {
        TableDescription actual = describe();
        CreateTableRequest expected = createRequest(CreateTableOptions.onDemand());
        List<String> differences = new ArrayList<>();
        compareKeys("table", expected.keySchema(), actual.keySchema(), differences);
        Map<String, String> actualTypes = new HashMap<>();
        actual.attributeDefinitions()
                .forEach(d -> actualTypes.put(d.attributeName(), d.attributeTypeAsString()));
        for (AttributeDefinition d : expected.attributeDefinitions()) {
            String found = actualTypes.get(d.attributeName());
            if (found != null && !found.equals(d.attributeTypeAsString())) {
                differences.add(
                        String.format(
                                Locale.ROOT,
                                "attribute '%s' is %s in the table but %s in the model",
                                d.attributeName(),
                                found,
                                d.attributeTypeAsString()));
            }
        }
        Map<String, GlobalSecondaryIndexDescription> actualGsis = new LinkedHashMap<>();
        actual.globalSecondaryIndexes().forEach(g -> actualGsis.put(g.indexName(), g));
        for (GlobalSecondaryIndex g : expected.globalSecondaryIndexes()) {
            GlobalSecondaryIndexDescription found = actualGsis.remove(g.indexName());
            if (found == null) {
                differences.add(
                        "global index '"
                                + g.indexName()
                                + "' is in the model but not in the table");
                continue;
            }
            compareKeys(
                    "global index '" + g.indexName() + "'",
                    g.keySchema(),
                    found.keySchema(),
                    differences);
            compareProjection(
                    "global index '" + g.indexName() + "'",
                    g.projection(),
                    found.projection(),
                    differences);
        }
        actualGsis
                .keySet()
                .forEach(
                        n ->
                                differences.add(
                                        "global index '"
                                                + n
                                                + "' is in the table but not in the model"));
        Map<String, LocalSecondaryIndexDescription> actualLsis = new LinkedHashMap<>();
        actual.localSecondaryIndexes().forEach(l -> actualLsis.put(l.indexName(), l));
        for (LocalSecondaryIndex l : expected.localSecondaryIndexes()) {
            LocalSecondaryIndexDescription found = actualLsis.remove(l.indexName());
            if (found == null) {
                differences.add(
                        "local index '" + l.indexName() + "' is in the model but not in the table");
                continue;
            }
            compareKeys(
                    "local index '" + l.indexName() + "'",
                    l.keySchema(),
                    found.keySchema(),
                    differences);
            compareProjection(
                    "local index '" + l.indexName() + "'",
                    l.projection(),
                    found.projection(),
                    differences);
        }
        actualLsis
                .keySet()
                .forEach(
                        n ->
                                differences.add(
                                        "local index '"
                                                + n
                                                + "' is in the table but not in the model"));
        VectorIndexes.drift(VectorIndexes.of(table), actual, differences);
        compareTtl(differences);
        return new SchemaDrift(tableName, differences);
    }

    private void compareTtl(List<String> differences) {
        TimeToLiveDescription ttl =
                run(
                                Operation.DESCRIBE_TABLE,
                                () -> ctx.client().describeTimeToLive(b -> b.tableName(tableName)))
                        .timeToLiveDescription();
        boolean enabled =
                ttl != null
                        && (ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED
                                || ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLING);
        String actualAttribute = enabled ? ttl.attributeName() : null;
        String expectedAttribute = table.ttlField().map(FieldMetadata::attributeName).orElse(null);
        if (!Objects.equals(actualAttribute, expectedAttribute)) {
            differences.add(
                    String.format(
                            Locale.ROOT,
                            "time to live is %s in the table but %s in the model",
                            actualAttribute == null ? "disabled" : "on '" + actualAttribute + "'",
                            expectedAttribute == null
                                    ? "not declared"
                                    : "on '" + expectedAttribute + "'"));
        }
    }

    private static void compareKeys(
            String what,
            List<KeySchemaElement> expected,
            List<KeySchemaElement> actual,
            List<String> differences) {
        if (!render(expected).equals(render(actual))) {
            differences.add(
                    String.format(
                            Locale.ROOT,
                            "%s key is %s in the table but %s in the model",
                            what,
                            render(actual),
                            render(expected)));
        }
    }

    private static String render(List<KeySchemaElement> keys) {
        List<String> parts = new ArrayList<>();
        for (KeySchemaElement k : keys) {
            parts.add(k.attributeName() + " " + k.keyTypeAsString());
        }
        return parts.toString();
    }

    private static void compareProjection(
            String what, Projection expected, Projection actual, List<String> differences) {
        if (!Objects.equals(expected.projectionTypeAsString(), actual.projectionTypeAsString())) {
            differences.add(
                    String.format(
                            Locale.ROOT,
                            "%s projects %s in the table but %s in the model",
                            what,
                            actual.projectionTypeAsString(),
                            expected.projectionTypeAsString()));
        } else if (expected.hasNonKeyAttributes()
                && !new TreeSet<>(expected.nonKeyAttributes())
                        .equals(
                                new TreeSet<>(
                                        actual.hasNonKeyAttributes()
                                                ? actual.nonKeyAttributes()
                                                : List.of()))) {
            differences.add(
                    String.format(
                            Locale.ROOT,
                            "%s includes %s in the table but %s in the model",
                            what,
                            actual.nonKeyAttributes(),
                            expected.nonKeyAttributes()));
        }
    }

    private <R> R run(Operation op, java.util.function.Supplier<R> call) {
        return ctx.executor()
                .run(
                        new Event(op, tableName, model.type(), Optional.empty()),
                        call,
                        e -> {
                            DynamORMException mapped =
                                    ErrorMapper.map(e, op, model.type(), tableName, null);
                            if (mapped instanceof TableNotFoundException) {
                                return new TableNotFoundException(
                                        String.format(
                                                Locale.ROOT,
                                                "table '%s' (model %s) does not exist: create it with createTable() or "
                                                        + "createTableIfMissing()",
                                                tableName,
                                                model.type().getName()),
                                        op,
                                        model.type(),
                                        e);
                            }
                            return mapped;
                        });
    }
}
