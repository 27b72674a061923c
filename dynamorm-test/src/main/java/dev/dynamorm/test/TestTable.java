package dev.dynamorm.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * A table without a model, for tests that use the raw client: keys, secondary indexes (projecting
 * all attributes) and on-demand billing. Immutable; build with {@link #builder(String)}.
 *
 * <pre>{@code
 * TestTable events = TestTable.builder("events")
 *         .partitionKey("pk").sortKey("at", ScalarAttributeType.N)
 *         .globalIndex("by-type", "type", ScalarAttributeType.S)
 *         .build();
 * String name = backend.createTable(events);    // "t3_EventsTest_events", deleted after the class
 * }</pre>
 */
public final class TestTable {

    private static final Duration ACTIVE_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final CreateTableRequest request;

    private TestTable(String name, CreateTableRequest request) {
        this.name = name;
        this.request = request;
    }

    /**
     * A builder of a table with this name (without prefix when created through {@link
     * BackendContext#createTable(TestTable)}).
     *
     * @param name letters, digits, {@code _ - .}
     * @return the builder
     * @throws IllegalArgumentException if the name is empty or has other characters
     */
    public static Builder builder(String name) {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "table name may contain only letters, digits, '_', '-' and '.', got '%s'",
                            name));
        }
        return new Builder(name);
    }

    /**
     * The table name as given to the builder.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The CreateTable request for a physical table name.
     *
     * @param tableName the physical name
     * @return the request
     */
    CreateTableRequest request(String tableName) {
        return request.toBuilder().tableName(tableName).build();
    }

    /**
     * Creates the table under its own name and waits until it is active.
     *
     * @param client the client
     * @return the table's description
     * @throws software.amazon.awssdk.services.dynamodb.model.ResourceInUseException if it exists
     * @throws IllegalStateException if it is not active within a minute
     */
    public TableDescription createIn(DynamoDbClient client) {
        return create(client, name);
    }

    TableDescription create(DynamoDbClient client, String tableName) {
        Objects.requireNonNull(client, "client");
        client.createTable(request(tableName));
        // poll briefly: the SDK waiter's default first delay is 20 s, and a local server may answer
        // the
        // first DescribeTable with CREATING
        long deadline = System.nanoTime() + ACTIVE_TIMEOUT.toNanos();
        while (true) {
            TableDescription description =
                    client.describeTable(r -> r.tableName(tableName)).table();
            if (description.tableStatus() == TableStatus.ACTIVE) {
                return description;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(
                        "table "
                                + tableName
                                + " did not become active within "
                                + ACTIVE_TIMEOUT.toSeconds()
                                + " s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(
                        "interrupted while waiting for table " + tableName, e);
            }
        }
    }

    @Override
    public String toString() {
        return "TestTable["
                + name
                + ", keys "
                + request.keySchema()
                + ", gsi "
                + request.globalSecondaryIndexes().size()
                + ", lsi "
                + request.localSecondaryIndexes().size()
                + "]";
    }

    /** Builds a {@link TestTable}; not thread-safe, reusable after {@link #build()}. */
    public static final class Builder {

        private final String name;
        private KeySchemaElement partitionKey;
        private KeySchemaElement sortKey;
        private final Map<String, ScalarAttributeType> attributes = new LinkedHashMap<>();
        private final List<GlobalSecondaryIndex> globalIndexes = new ArrayList<>();
        private final List<LocalSecondaryIndex> localIndexes = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Sets a string partition key.
         *
         * @param attribute the attribute name
         * @return this builder
         * @throws IllegalStateException if the partition key was already set
         */
        public Builder partitionKey(String attribute) {
            return partitionKey(attribute, ScalarAttributeType.S);
        }

        /**
         * Sets the partition key.
         *
         * @param attribute the attribute name
         * @param type S, N or B
         * @return this builder
         * @throws IllegalStateException if the partition key was already set
         * @throws IllegalArgumentException if the attribute already has another type
         */
        public Builder partitionKey(String attribute, ScalarAttributeType type) {
            if (partitionKey != null) {
                throw new IllegalStateException(
                        "partition key of table "
                                + name
                                + " was already set to "
                                + partitionKey.attributeName());
            }
            define(attribute, type);
            partitionKey =
                    KeySchemaElement.builder()
                            .attributeName(attribute)
                            .keyType(KeyType.HASH)
                            .build();
            return this;
        }

        /**
         * Sets a string sort key.
         *
         * @param attribute the attribute name
         * @return this builder
         * @throws IllegalStateException if the sort key was already set
         */
        public Builder sortKey(String attribute) {
            return sortKey(attribute, ScalarAttributeType.S);
        }

        /**
         * Sets the sort key.
         *
         * @param attribute the attribute name
         * @param type S, N or B
         * @return this builder
         * @throws IllegalStateException if the sort key was already set
         * @throws IllegalArgumentException if the attribute already has another type
         */
        public Builder sortKey(String attribute, ScalarAttributeType type) {
            if (sortKey != null) {
                throw new IllegalStateException(
                        "sort key of table "
                                + name
                                + " was already set to "
                                + sortKey.attributeName());
            }
            define(attribute, type);
            sortKey =
                    KeySchemaElement.builder()
                            .attributeName(attribute)
                            .keyType(KeyType.RANGE)
                            .build();
            return this;
        }

        /**
         * Adds a global secondary index with a partition key only, projecting all attributes.
         *
         * @param index the index name
         * @param partitionKey its partition key attribute
         * @param type its type
         * @return this builder
         * @throws IllegalArgumentException if an attribute already has another type or the index
         *     exists
         */
        public Builder globalIndex(String index, String partitionKey, ScalarAttributeType type) {
            return globalIndex(index, partitionKey, type, null, null);
        }

        /**
         * Adds a global secondary index with a partition and a sort key, projecting all attributes.
         *
         * @param index the index name
         * @param partitionKey its partition key attribute
         * @param partitionKeyType its type
         * @param sortKey its sort key attribute, or null
         * @param sortKeyType its type, or null
         * @return this builder
         * @throws IllegalArgumentException if an attribute already has another type or the index
         *     exists
         */
        public Builder globalIndex(
                String index,
                String partitionKey,
                ScalarAttributeType partitionKeyType,
                String sortKey,
                ScalarAttributeType sortKeyType) {
            checkIndexName(index);
            List<KeySchemaElement> keys = new ArrayList<>();
            define(partitionKey, partitionKeyType);
            keys.add(
                    KeySchemaElement.builder()
                            .attributeName(partitionKey)
                            .keyType(KeyType.HASH)
                            .build());
            if (sortKey != null) {
                define(sortKey, Objects.requireNonNull(sortKeyType, "sortKeyType"));
                keys.add(
                        KeySchemaElement.builder()
                                .attributeName(sortKey)
                                .keyType(KeyType.RANGE)
                                .build());
            }
            globalIndexes.add(
                    GlobalSecondaryIndex.builder()
                            .indexName(index)
                            .keySchema(keys)
                            .projection(
                                    Projection.builder().projectionType(ProjectionType.ALL).build())
                            .build());
            return this;
        }

        /**
         * Adds a local secondary index (same partition key, another sort key), projecting all
         * attributes.
         *
         * @param index the index name
         * @param sortKey its sort key attribute
         * @param type its type
         * @return this builder
         * @throws IllegalArgumentException if the attribute already has another type or the index
         *     exists
         */
        public Builder localIndex(String index, String sortKey, ScalarAttributeType type) {
            checkIndexName(index);
            define(sortKey, type);
            localIndexes.add(
                    LocalSecondaryIndex.builder()
                            .indexName(index)
                            .keySchema(
                                    KeySchemaElement.builder()
                                            .attributeName(sortKey)
                                            .keyType(KeyType.RANGE)
                                            .build())
                            .projection(
                                    Projection.builder().projectionType(ProjectionType.ALL).build())
                            .build());
            return this;
        }

        private void checkIndexName(String index) {
            Objects.requireNonNull(index, "index");
            boolean taken =
                    globalIndexes.stream().anyMatch(i -> i.indexName().equals(index))
                            || localIndexes.stream().anyMatch(i -> i.indexName().equals(index));
            if (taken) {
                throw new IllegalArgumentException(
                        "table " + name + " already has an index named " + index);
            }
        }

        private void define(String attribute, ScalarAttributeType type) {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(type, "type");
            if (type == ScalarAttributeType.UNKNOWN_TO_SDK_VERSION) {
                throw new IllegalArgumentException(
                        "key attribute " + attribute + " needs the type S, N or B");
            }
            ScalarAttributeType previous = attributes.putIfAbsent(attribute, type);
            if (previous != null && previous != type) {
                throw new IllegalArgumentException(
                        String.format(
                                Locale.ROOT,
                                "key attribute %s of table %s is %s and cannot also be %s",
                                attribute,
                                name,
                                previous,
                                type));
            }
        }

        /**
         * Builds the table definition; the builder stays usable.
         *
         * @return the definition
         * @throws IllegalStateException if no partition key was set, or a local index is declared
         *     on a table without sort key
         */
        public TestTable build() {
            if (partitionKey == null) {
                throw new IllegalStateException(
                        "table " + name + " needs a partition key: call partitionKey(...)");
            }
            if (!localIndexes.isEmpty() && sortKey == null) {
                throw new IllegalStateException(
                        "table "
                                + name
                                + " has local indexes but no sort key: DynamoDB"
                                + " allows local indexes only on tables with a sort key");
            }
            List<KeySchemaElement> keys = new ArrayList<>();
            keys.add(partitionKey);
            if (sortKey != null) {
                keys.add(sortKey);
            }
            List<AttributeDefinition> definitions = new ArrayList<>();
            attributes.forEach(
                    (attribute, type) ->
                            definitions.add(
                                    AttributeDefinition.builder()
                                            .attributeName(attribute)
                                            .attributeType(type)
                                            .build()));
            List<LocalSecondaryIndex> locals = new ArrayList<>();
            for (LocalSecondaryIndex index : localIndexes) {
                List<KeySchemaElement> indexKeys = new ArrayList<>();
                indexKeys.add(partitionKey);
                indexKeys.addAll(index.keySchema());
                locals.add(index.toBuilder().keySchema(indexKeys).build());
            }
            CreateTableRequest.Builder request =
                    CreateTableRequest.builder()
                            .tableName(name)
                            .billingMode(BillingMode.PAY_PER_REQUEST)
                            .attributeDefinitions(definitions)
                            .keySchema(keys);
            if (!globalIndexes.isEmpty()) {
                request.globalSecondaryIndexes(globalIndexes);
            }
            if (!locals.isEmpty()) {
                request.localSecondaryIndexes(locals);
            }
            return new TestTable(name, request.build());
        }
    }
}
