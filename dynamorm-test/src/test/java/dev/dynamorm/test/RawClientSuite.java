package dev.dynamorm.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Raw SDK calls against a backend: the kit's server, client and prefix work. Run by one tiny
 * subclass per backend, which is how suites are meant to be written.
 */
@DynamoBackend
abstract class RawClientSuite {

    abstract Backend expectedBackend();

    @Test
    void injectsTheBackendAndItsContext(
            Backend backend, BackendContext context, DynamoDbClient client) {
        assertThat(backend).isEqualTo(expectedBackend());
        assertThat(context.backend()).isEqualTo(expectedBackend());
        assertThat(context.supportsTransactions())
                .isEqualTo(expectedBackend().supportsTransactions());
        assertThat(context.tableNamePrefix()).matches("t\\d+_" + getClass().getSimpleName() + "_");
        assertThat(context.tableName("orders")).isEqualTo(context.tableNamePrefix() + "orders");
        assertThat(context.endpoint().getScheme()).isEqualTo("http");
        assertThat(client.serviceClientConfiguration().region().id()).isEqualTo("us-east-1");
    }

    @Test
    void createsPutsGetsAndQueries(DynamoDbClient client, BackendContext context) {
        String table = context.tableName("items");
        createTable(client, table);

        client.putItem(
                r ->
                        r.tableName(table)
                                .item(
                                        Map.of(
                                                "pk",
                                                AttributeValue.fromS("user#1"),
                                                "sk",
                                                AttributeValue.fromN("1"),
                                                "name",
                                                AttributeValue.fromS("Ada"))));
        client.putItem(
                r ->
                        r.tableName(table)
                                .item(
                                        Map.of(
                                                "pk",
                                                AttributeValue.fromS("user#1"),
                                                "sk",
                                                AttributeValue.fromN("2"),
                                                "name",
                                                AttributeValue.fromS("Grace"))));

        Map<String, AttributeValue> item =
                client.getItem(
                                r ->
                                        r.tableName(table)
                                                .consistentRead(true)
                                                .key(
                                                        Map.of(
                                                                "pk",
                                                                AttributeValue.fromS("user#1"),
                                                                "sk",
                                                                AttributeValue.fromN("2"))))
                        .item();
        assertThat(item).containsEntry("name", AttributeValue.fromS("Grace"));

        var query =
                client.query(
                        r ->
                                r.tableName(table)
                                        .keyConditionExpression("pk = :pk")
                                        .expressionAttributeValues(
                                                Map.of(":pk", AttributeValue.fromS("user#1"))));
        assertThat(query.items())
                .extracting(i -> i.get("name").s())
                .containsExactly("Ada", "Grace");

        assertThat(TableCleaner.tablesWithPrefix(client, context.tableNamePrefix()))
                .containsExactly(table);
    }

    @Test
    // the SDK's Consumer<Builder>... overloads are not @SafeVarargs
    @SuppressWarnings("unchecked")
    void transactionsWorkExactlyWhereTheBackendSaysSo(
            DynamoDbClient client, BackendContext context) {
        String table = context.tableName("tx");
        createTable(client, table);
        Runnable transaction =
                () ->
                        client.transactWriteItems(
                                r ->
                                        r.transactItems(
                                                t ->
                                                        t.put(
                                                                p ->
                                                                        p.tableName(table)
                                                                                .item(
                                                                                        Map.of(
                                                                                                "pk",
                                                                                                AttributeValue
                                                                                                        .fromS(
                                                                                                                "a"),
                                                                                                "sk",
                                                                                                AttributeValue
                                                                                                        .fromN(
                                                                                                                "1")))),
                                                t ->
                                                        t.put(
                                                                p ->
                                                                        p.tableName(table)
                                                                                .item(
                                                                                        Map.of(
                                                                                                "pk",
                                                                                                AttributeValue
                                                                                                        .fromS(
                                                                                                                "b"),
                                                                                                "sk",
                                                                                                AttributeValue
                                                                                                        .fromN(
                                                                                                                "1"))))));
        if (context.supportsTransactions()) {
            transaction.run();
            assertThat(client.scan(r -> r.tableName(table)).count()).isEqualTo(2);
        } else {
            assertThatThrownBy(transaction::run).isInstanceOf(DynamoDbException.class);
        }
    }

    // the SDK's Consumer<Builder>... overloads are not @SafeVarargs
    @SuppressWarnings("unchecked")
    static void createTable(DynamoDbClient client, String table) {
        client.createTable(
                r ->
                        r.tableName(table)
                                .billingMode(BillingMode.PAY_PER_REQUEST)
                                .attributeDefinitions(
                                        a ->
                                                a.attributeName("pk")
                                                        .attributeType(ScalarAttributeType.S),
                                        a ->
                                                a.attributeName("sk")
                                                        .attributeType(ScalarAttributeType.N))
                                .keySchema(
                                        k -> k.attributeName("pk").keyType(KeyType.HASH),
                                        k -> k.attributeName("sk").keyType(KeyType.RANGE)));
        // poll briefly: the SDK waiter's default first delay is 20 s, and a local server may
        // answer the first DescribeTable with CREATING
        client.waiter()
                .waitUntilTableExists(
                        r -> r.tableName(table),
                        w ->
                                w.backoffStrategyV2(
                                                BackoffStrategy.fixedDelay(Duration.ofMillis(20)))
                                        .waitTimeout(Duration.ofSeconds(10)));
    }
}
