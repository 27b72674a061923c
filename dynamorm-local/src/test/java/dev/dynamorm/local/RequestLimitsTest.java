package dev.dynamorm.local;

import static dev.dynamorm.local.Fixtures.item;
import static dev.dynamorm.local.Fixtures.l;
import static dev.dynamorm.local.Fixtures.m;
import static dev.dynamorm.local.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Requests DynamoDB refuses (or answers differently) that dynamorm-local used to accept: missing
 * RequestItems, a no-op UpdateTable, nesting past 32 levels, transactions over 4 MB, tag limits,
 * ListTagsOfResource on an unknown table, and {@code a <> b} over two missing attributes.
 */
class RequestLimitsTest {
    private static LocalDynamoDb db;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        db = LocalDynamoDb.start();
        client = db.client();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static String arn(String table) {
        return client.describeTable(r -> r.tableName(table)).table().tableArn();
    }

    @Test
    void batchCallsWithoutRequestItems_nameTheMissingParameter() {
        assertThatThrownBy(() -> client.batchGetItem(r -> {}))
                .hasMessageStartingWith("The requestItems parameter is required for BatchGetItem");
        assertThatThrownBy(() -> client.batchWriteItem(r -> {}))
                .hasMessageStartingWith(
                        "The requestItems parameter is required for BatchWriteItem");
    }

    @Test
    void updateTableWithNothingToChange_isRefused() {
        String t = Fixtures.hashTable(client);
        assertThatThrownBy(() -> client.updateTable(r -> r.tableName(t)))
                .hasMessageStartingWith(
                        "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        assertThat(client.updateTable(r -> r.tableName(t).deletionProtectionEnabled(false)))
                .isNotNull();
    }

    private static AttributeValue nested(int containers) {
        AttributeValue v = s("leaf");
        for (int i = 0; i < containers; i++) {
            v = i % 2 == 0 ? l(v) : m("k", v);
        }
        return v;
    }

    @Test
    void nestingBeyond32Levels_isRefused() {
        String t = Fixtures.hashTable(client);
        client.putItem(r -> r.tableName(t).item(item("pk", s("ok"), "d", nested(31))));
        assertThat(client.getItem(r -> r.tableName(t).key(item("pk", s("ok")))).item().get("d"))
                .isEqualTo(nested(31));
        assertThatThrownBy(
                        () ->
                                client.putItem(
                                        r ->
                                                r.tableName(t)
                                                        .item(
                                                                item(
                                                                        "pk",
                                                                        s("deep"),
                                                                        "d",
                                                                        nested(32)))))
                .hasMessageStartingWith(
                        "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit");
        assertThat(client.getItem(r -> r.tableName(t).key(item("pk", s("deep")))).hasItem())
                .isFalse();
    }

    @Test
    void transactionsOver4Mb_areRefused() {
        String t = Fixtures.hashTable(client);
        String big = "x".repeat(390_000);
        List<TransactWriteItem> items = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            String pk = "k" + i;
            items.add(
                    TransactWriteItem.builder()
                            .put(p -> p.tableName(t).item(item("pk", s(pk), "d", s(big))))
                            .build());
        }
        assertThatThrownBy(() -> client.transactWriteItems(r -> r.transactItems(items)))
                .hasMessageStartingWith(
                        "Collection size of items exceeded, which can also be caused by the aggregate size of the items in the transaction exceeding the 4MB limit");
        assertThat(client.scan(r -> r.tableName(t)).count()).isZero();
        client.transactWriteItems(r -> r.transactItems(items.subList(0, 10)));
        assertThat(client.getItem(r -> r.tableName(t).key(item("pk", s("k9")))).hasItem()).isTrue();
    }

    @Test
    void tagLimits() {
        String t = Fixtures.hashTable(client);
        String arn = arn(t);
        List<Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(Tag.builder().key("k" + i).value("v").build());
        }
        client.tagResource(r -> r.resourceArn(arn).tags(fifty));
        assertThatThrownBy(
                        () -> client.tagResource(r -> r.resourceArn(arn).tags(t("one-more", "v"))))
                .hasMessageStartingWith(
                        "One or more parameter values were invalid: Too many tags: tag limit is 50");
        assertThatThrownBy(
                        () ->
                                client.tagResource(
                                        r -> r.resourceArn(arn).tags(t("k".repeat(129), "v"))))
                .hasMessageStartingWith(
                        "One or more parameter values were invalid: Tag key must be between 1 and 128 characters");
        assertThatThrownBy(
                        () ->
                                client.tagResource(
                                        r -> r.resourceArn(arn).tags(t("k0", "v".repeat(257)))))
                .hasMessageStartingWith(
                        "One or more parameter values were invalid: Tag value must be between 0 and 256 characters");
        assertThatThrownBy(() -> client.tagResource(r -> r.resourceArn(arn).tags(List.of())))
                .hasMessageStartingWith("Atleast one Tag needs to be provided as Input.");
        assertThatThrownBy(() -> client.untagResource(r -> r.resourceArn(arn).tagKeys(List.of())))
                .hasMessageStartingWith("Atleast one Tag Key needs to be provided as Input.");
        assertThat(client.listTagsOfResource(r -> r.resourceArn(arn)).tags()).hasSize(50);
    }

    private static Tag t(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @Test
    void listTagsOfAnUnknownTable_isAccessDenied() {
        String arn = arn(Fixtures.hashTable(client)).replaceAll("/[^/]+$", "/no-such-table");
        assertThatThrownBy(() -> client.listTagsOfResource(r -> r.resourceArn(arn)))
                .isInstanceOfSatisfying(
                        DynamoDbException.class,
                        e ->
                                assertThat(e.awsErrorDetails().errorCode())
                                        .isEqualTo("AccessDeniedException"))
                .hasMessageStartingWith(
                        "User: arn:aws:iam::000000000000:root is not authorized to perform: dynamodb:ListTagsOfResource on resource: "
                                + arn);
    }

    @Test
    void notEqual_overTwoMissingAttributes_holds() {
        String t = Fixtures.hashTable(client);
        client.putItem(r -> r.tableName(t).item(item("pk", s("a"))).conditionExpression("x <> y"));
        assertThat(client.getItem(r -> r.tableName(t).key(item("pk", s("a")))).hasItem()).isTrue();
    }

    @Test
    void memberConstraints_areCountedAndJoined() {
        String t = Fixtures.rangeTable(client);
        assertThatThrownBy(() -> client.scan(r -> r.tableName("").limit(0)))
                .hasMessageStartingWith(
                        "2 validation errors detected: Value '' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 1; Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        assertThatThrownBy(
                        () ->
                                client.putItem(
                                        r ->
                                                r.tableName(t)
                                                        .item(item("pk", s("a"), "sk", s("b")))
                                                        .returnValues("BAD")
                                                        .returnConsumedCapacity("BAD")))
                .hasMessageStartingWith(
                        "2 validation errors detected: Value 'BAD' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; Value 'BAD' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");
        assertThatThrownBy(
                        () ->
                                client.getItem(
                                        r ->
                                                r.tableName(t)
                                                        .key(item("pk", s("a"), "sk", s("b")))
                                                        .returnConsumedCapacity("BAD")))
                .hasMessageStartingWith(
                        "1 validation error detected: Value 'BAD' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]");
        assertThatThrownBy(
                        () ->
                                client.scan(
                                        r ->
                                                r.tableName("no-such-table")
                                                        .segment(-1)
                                                        .totalSegments(2)))
                .hasMessageStartingWith(
                        "1 validation error detected: Value '-1' at 'segment' failed to satisfy constraint: Member must have value greater than or equal to 0");
    }
}
