package dev.dynamorm.local;

import static dev.dynamorm.local.Fixtures.item;
import static dev.dynamorm.local.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DynamoDB accepts key conditions with the value on the left ({@code :v = pk}) (issue 18). */
final class KeyConditionOrderTest {
    private static LocalDynamoDb db;
    private static DynamoDbClient client;
    private static String table;

    @BeforeAll
    static void start() {
        db = LocalDynamoDb.start();
        client = db.client();
        table = Fixtures.rangeTable(client);
        for (String sk : List.of("a", "b", "c", "d")) {
            client.putItem(r -> r.tableName(table).item(item("pk", s("p"), "sk", s(sk))));
        }
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static List<String> query(String condition, Map<String, AttributeValue> values) {
        return Fixtures.strings(
                client.query(
                                r ->
                                        r.tableName(table)
                                                .keyConditionExpression(condition)
                                                .expressionAttributeValues(values))
                        .items(),
                "sk");
    }

    @Test
    void valueOnTheLeftOfTheHashKey() {
        assertThat(query(":p = pk", Map.of(":p", s("p")))).containsExactly("a", "b", "c", "d");
    }

    @Test
    void valueOnTheLeftOfARangeComparisonIsMirrored() {
        Map<String, AttributeValue> v = Map.of(":p", s("p"), ":s", s("b"));
        assertThat(query(":p = pk AND :s < sk", v)).containsExactly("c", "d");
        assertThat(query("pk = :p AND :s >= sk", v)).containsExactly("a", "b");
        assertThat(query(":s <= sk AND :p = pk", v)).containsExactly("b", "c", "d");
        assertThat(query("pk = :p AND :s > sk", v)).containsExactly("a");
    }
}
