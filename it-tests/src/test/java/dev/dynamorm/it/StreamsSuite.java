package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** DynamoDB Streams through the SDK's {@code DynamoDbStreamsClient} at the backend's endpoint. */
@DynamoBackend
abstract class StreamsSuite {
    private DynamoDbClient raw;
    private BackendContext backend;
    private DynamoDbStreamsClient streams;

    @BeforeEach
    void setUp(DynamoDbClient raw, BackendContext backend) {
        this.raw = raw;
        this.backend = backend;
        this.streams =
                DynamoDbStreamsClient.builder()
                        .endpointOverride(backend.endpoint())
                        .region(raw.serviceClientConfiguration().region())
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("test", "test")))
                        .build();
    }

    @AfterEach
    void tearDown() {
        streams.close();
    }

    // the SDK's Consumer<Builder>... overloads are not @SafeVarargs
    @SuppressWarnings("unchecked")
    private String streamTable(String name, StreamViewType view) {
        String table = backend.tableName(name);
        raw.createTable(
                r ->
                        r.tableName(table)
                                .billingMode("PAY_PER_REQUEST")
                                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                                .streamSpecification(
                                        s -> s.streamEnabled(true).streamViewType(view)));
        raw.waiter().waitUntilTableExists(r -> r.tableName(table));
        return table;
    }

    private List<Record> records(String arn) {
        List<Record> out = new ArrayList<>();
        for (Shard shard :
                streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards()) {
            String it =
                    streams.getShardIterator(
                                    r ->
                                            r.streamArn(arn)
                                                    .shardId(shard.shardId())
                                                    .shardIteratorType(
                                                            ShardIteratorType.TRIM_HORIZON))
                            .shardIterator();
            while (it != null) {
                String current = it;
                var page = streams.getRecords(r -> r.shardIterator(current));
                out.addAll(page.records());
                if (page.records().isEmpty()) {
                    break;
                }
                it = page.nextShardIterator();
            }
        }
        return out;
    }

    private static Map<String, AttributeValue> item(String pk, int v) {
        return Map.of(
                "pk", AttributeValue.fromS(pk), "v", AttributeValue.fromN(Integer.toString(v)));
    }

    @Test
    void writesAppearInOrderWithOldAndNewImages() {
        String table = streamTable("stream-images", StreamViewType.NEW_AND_OLD_IMAGES);
        String arn = raw.describeTable(r -> r.tableName(table)).table().latestStreamArn();
        assertThat(arn).isNotBlank();
        assertThat(streams.listStreams(r -> r.tableName(table)).streams())
                .extracting(s -> s.streamArn())
                .contains(arn);

        raw.putItem(r -> r.tableName(table).item(item("a", 1)));
        raw.putItem(r -> r.tableName(table).item(item("a", 2)));
        raw.deleteItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("a"))));

        List<Record> records = records(arn);
        assertThat(records)
                .extracting(Record::eventName)
                .containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
        assertThat(records.get(0).dynamodb().newImage()).isEqualTo(item("a", 1));
        assertThat(records.get(0).dynamodb().hasOldImage()).isFalse();
        assertThat(records.get(1).dynamodb().oldImage()).isEqualTo(item("a", 1));
        assertThat(records.get(1).dynamodb().newImage()).isEqualTo(item("a", 2));
        assertThat(records.get(2).dynamodb().oldImage()).isEqualTo(item("a", 2));
        assertThat(records.get(2).dynamodb().hasNewImage()).isFalse();
        assertThat(records)
                .allSatisfy(
                        r -> {
                            assertThat(r.eventSource()).isEqualTo("aws:dynamodb");
                            assertThat(r.dynamodb().keys())
                                    .isEqualTo(Map.of("pk", AttributeValue.fromS("a")));
                            assertThat(r.dynamodb().sizeBytes()).isPositive();
                            assertThat(r.dynamodb().approximateCreationDateTime()).isNotNull();
                        });
        assertThat(records)
                .extracting(r -> new java.math.BigInteger(r.dynamodb().sequenceNumber()))
                .isSorted()
                .doesNotHaveDuplicates();
    }

    @Test
    void aWriteThatChangesNothingRecordsNothing() {
        assumeThat(backend.backend())
                .as(
                        "Dynoxide 1.2.1 records a MODIFY for a PutItem that leaves the item as it"
                                + " was; DynamoDB writes no stream record for it")
                .isNotEqualTo(Backend.DYNOXIDE);
        String table = streamTable("stream-nochange", StreamViewType.NEW_AND_OLD_IMAGES);
        String arn = raw.describeTable(r -> r.tableName(table)).table().latestStreamArn();
        raw.putItem(r -> r.tableName(table).item(item("a", 1)));
        raw.putItem(r -> r.tableName(table).item(item("a", 1)));
        raw.updateItem(
                r ->
                        r.tableName(table)
                                .key(Map.of("pk", AttributeValue.fromS("a")))
                                .updateExpression("SET v = :v")
                                .expressionAttributeValues(
                                        Map.of(":v", AttributeValue.fromN("1"))));
        raw.deleteItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("none"))));
        assertThat(records(arn))
                .extracting(Record::eventName)
                .containsExactly(OperationType.INSERT);
    }

    @Test
    void keysOnlyStreamCarriesNoImages() {
        String table = streamTable("stream-keys", StreamViewType.KEYS_ONLY);
        String arn = raw.describeTable(r -> r.tableName(table)).table().latestStreamArn();
        raw.putItem(r -> r.tableName(table).item(item("k", 1)));
        assertThat(records(arn))
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.dynamodb().keys())
                                    .isEqualTo(Map.of("pk", AttributeValue.fromS("k")));
                            assertThat(r.dynamodb().hasNewImage()).isFalse();
                            assertThat(r.dynamodb().hasOldImage()).isFalse();
                            assertThat(r.dynamodb().streamViewType())
                                    .isEqualTo(StreamViewType.KEYS_ONLY);
                        });
    }

    @Test
    void unknownStreamIsResourceNotFound() {
        assumeThat(backend.backend())
                .as(
                        "Dynoxide 1.2.1 describes a stream for an ARN with an unknown stream label"
                                + " of an existing table instead of ResourceNotFoundException")
                .isNotEqualTo(Backend.DYNOXIDE);
        String table = streamTable("stream-missing", StreamViewType.NEW_IMAGE);
        String arn = raw.describeTable(r -> r.tableName(table)).table().latestStreamArn();
        String missing = arn.substring(0, arn.lastIndexOf('/') + 1) + "2000-01-01T00:00:00.000";
        assertThatThrownBy(() -> streams.describeStream(r -> r.streamArn(missing)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Requested resource not found");
    }
}
