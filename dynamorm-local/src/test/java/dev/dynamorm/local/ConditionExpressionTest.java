package dev.dynamorm.local;

import static dev.dynamorm.local.Fixtures.b;
import static dev.dynamorm.local.Fixtures.item;
import static dev.dynamorm.local.Fixtures.l;
import static dev.dynamorm.local.Fixtures.m;
import static dev.dynamorm.local.Fixtures.n;
import static dev.dynamorm.local.Fixtures.ns;
import static dev.dynamorm.local.Fixtures.s;
import static dev.dynamorm.local.Fixtures.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Each case checks a condition against a fixed item via a conditional UpdateItem. */
class ConditionExpressionTest {
    private static LocalDynamoDb db;
    private static DynamoDbClient client;
    private static String table;

    @BeforeAll
    static void start() {
        db = LocalDynamoDb.start();
        client = db.client();
        table = Fixtures.hashTable(client);
        client.putItem(
                r ->
                        r.tableName(table)
                                .item(
                                        item(
                                                "pk",
                                                s("doc"),
                                                "num",
                                                n(5),
                                                "str",
                                                s("hello world"),
                                                "bin",
                                                b(1, 2, 3),
                                                "flag",
                                                Fixtures.bool(true),
                                                "tags",
                                                ss("red", "blue"),
                                                "nums",
                                                ns("1", "2"),
                                                "lst",
                                                l(s("a"), l(n(10), n(20))),
                                                "mp",
                                                m("inr", m("deep", s("x")), "n", n(3)),
                                                "blank",
                                                s(""))));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static final Map<String, AttributeValue> VALUES = new HashMap<>();

    static {
        VALUES.put(":1", n(1));
        VALUES.put(":3", n(3));
        VALUES.put(":5", n(5));
        VALUES.put(":10", n(10));
        VALUES.put(":20", n(20));
        VALUES.put(":hello", s("hello"));
        VALUES.put(":world", s("world"));
        VALUES.put(":red", s("red"));
        VALUES.put(":x", s("x"));
        VALUES.put(":a", s("a"));
        VALUES.put(":S", s("S"));
        VALUES.put(":SS", s("SS"));
        VALUES.put(":M", s("M"));
        VALUES.put(":b12", b(1, 2));
        VALUES.put(":true", Fixtures.bool(true));
        VALUES.put(":tags", ss("blue", "red"));
        VALUES.put(":two", n(2));
    }

    private static boolean holds(String condition) {
        Map<String, AttributeValue> used = new HashMap<>();
        VALUES.forEach(
                (k, v) -> {
                    if (condition.matches(
                            ".*" + java.util.regex.Pattern.quote(k) + "(?![A-Za-z0-9_]).*")) {
                        used.put(k, v);
                    }
                });
        Map<String, String> names = new HashMap<>();
        if (condition.contains("#n")) {
            names.put("#n", "num");
        }
        if (condition.contains("#m")) {
            names.put("#m", "mp");
        }
        try {
            client.updateItem(
                    r ->
                            r.tableName(table)
                                    .key(item("pk", s("doc")))
                                    .updateExpression("SET touched = :true")
                                    .conditionExpression(condition)
                                    .expressionAttributeValues(withTrue(used))
                                    .expressionAttributeNames(names.isEmpty() ? null : names));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Map<String, AttributeValue> withTrue(Map<String, AttributeValue> used) {
        Map<String, AttributeValue> m = new HashMap<>(used);
        m.put(":true", Fixtures.bool(true));
        return m;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "num = :5 | true",
                "num <> :5 | false",
                "num < :10 | true",
                "num <= :5 | true",
                "num > :5 | false",
                "num >= :5 | true",
                "#n BETWEEN :1 AND :10 | true",
                "num BETWEEN :10 AND :20 | false",
                "num IN (:1, :3, :5) | true",
                "num IN (:1, :3) | false",
                "str = :hello | false",
                "str > :hello | true",
                "absent <> :5 | true",
                "absent = :5 | false",
                "absent < :5 | false",
                "attribute_exists(num) | true",
                "attribute_exists(absent) | false",
                "attribute_not_exists(absent) | true",
                "attribute_exists(mp.inr.deep) | true",
                "attribute_exists(#m.inr.nope) | false",
                "attribute_exists(lst[1][0]) | true",
                "attribute_exists(lst[5]) | false",
                "lst[1][1] = :20 | true",
                "mp.n = :3 | true",
                "attribute_type(num, :S) | false",
                "attribute_type(tags, :SS) | true",
                "attribute_type(mp, :M) | true",
                "begins_with(str, :hello) | true",
                "begins_with(str, :world) | false",
                "begins_with(bin, :b12) | true",
                "contains(str, :world) | true",
                "contains(tags, :red) | true",
                "contains(nums, :two) | true",
                "contains(lst, :a) | true",
                "contains(tags, :x) | false",
                "size(str) = :10 | false",
                "size(tags) = :two | true",
                "size(lst) < :3 | true",
                "size(mp) = :two | true",
                "size(bin) = :3 | true",
                "tags = :tags | true",
                "flag = :true | true",
                "NOT num = :5 | false",
                "NOT (num = :1) | true",
                "num = :1 OR num = :5 AND str = :hello | false",
                "(num = :1 OR num = :5) AND str = :hello | false",
                "num = :5 OR num = :1 AND str = :hello | true",
                "NOT num = :1 AND num = :5 | true",
                "NOT (num = :1 OR num = :5) | false",
                "num = :5 AND (str = :hello OR contains(str, :world)) | true",
                "num = :5 and contains(str, :world) or num = :1 | true"
            })
    void evaluates(String condition, boolean expected) {
        assertThat(holds(condition)).isEqualTo(expected);
    }

    @Test
    void invalidConditions() {
        assertThatThrownBy(() -> holds("attribute_type(num, :x)"))
                .hasMessageContaining("Invalid attribute type name found; type: x");
        assertThatThrownBy(() -> holds("num BETWEEN :10 AND :1"))
                .hasMessageContaining(
                        "The BETWEEN operator requires upper bound to be greater than or equal to lower bound");
        assertThatThrownBy(() -> holds("nosuchfn(num)"))
                .hasMessageContaining("Invalid function name; function: nosuchfn");
        assertThatThrownBy(() -> holds("num = :5 AND"))
                .hasMessageContaining("Syntax error; token: \"<EOF>\"");
        assertThatThrownBy(() -> holds("(num = :5")).hasMessageContaining("Syntax error");
        assertThatThrownBy(() -> holds("num ! :5"))
                .hasMessageContaining("Invalid character encountered");
    }
}
