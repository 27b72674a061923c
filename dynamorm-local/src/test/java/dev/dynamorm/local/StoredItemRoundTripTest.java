package dev.dynamorm.local;

import static dev.dynamorm.local.Fixtures.b;
import static dev.dynamorm.local.Fixtures.bool;
import static dev.dynamorm.local.Fixtures.item;
import static dev.dynamorm.local.Fixtures.l;
import static dev.dynamorm.local.Fixtures.m;
import static dev.dynamorm.local.Fixtures.n;
import static dev.dynamorm.local.Fixtures.ns;
import static dev.dynamorm.local.Fixtures.s;
import static dev.dynamorm.local.Fixtures.ss;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stored items are kept in a compact binary form: every attribute type, strings beyond Latin-1 (and
 * beyond the basic plane), numbers beyond a long, long values and nested documents come back
 * exactly as written, by key, by query, by scan and after a restart with a data directory.
 */
// the SDK builders' generic varargs (Consumer<Builder>...) in table set-up
@SuppressWarnings("unchecked")
class StoredItemRoundTripTest {
    @TempDir Path dir;

    private static Map<String, AttributeValue> everyType(String id) {
        String longText = "payload-".repeat(200);
        return item(
                "pk", s(id),
                "sk", n("-12.5"),
                "plain", s(longText),
                "brief", s("x"),
                "empty", s(""),
                "latin1", s("café über"),
                "wide", s("日本語 🙂 end"),
                "ñame-日本", s("a name beyond Latin-1"),
                "big", n("123456789012345678901234567890123456.78"),
                "tiny", n("-0.0000000000000000000000000000000000001"),
                "huge", n("9.9E+125"),
                "zero", n("0"),
                "bin", b(0, 1, 255, 128),
                "yes", bool(true),
                "no", bool(false),
                "nothing", AttributeValue.fromNul(true),
                "strings", ss("b", "a", "日"),
                "numbers", ns("3", "-1.5", "100000000000000000000000"),
                "binaries",
                        AttributeValue.fromBs(
                                List.of(
                                        SdkBytes.fromByteArray(new byte[] {1}),
                                        SdkBytes.fromByteArray(new byte[300]))),
                "seq", l(s("one"), n("2"), l(bool(true)), m("k", s("v"))),
                "doc",
                        m(
                                "nested",
                                m("deep", l(n("1"), s(longText))),
                                "日本",
                                s("wide key"),
                                "empty",
                                m()));
    }

    /** Numbers compared by value, as DynamoDB may render them in another (equal) form. */
    private static Object comparable(AttributeValue v) {
        if (v.n() != null) {
            return new BigDecimal(v.n()).stripTrailingZeros();
        }
        if (v.hasNs()) {
            return v.ns().stream()
                    .map(x -> new BigDecimal(x).stripTrailingZeros())
                    .sorted()
                    .toList();
        }
        if (v.hasSs()) {
            return v.ss().stream().sorted().toList();
        }
        if (v.hasBs()) {
            return v.bs().stream().map(x -> List.of(x.asByteArray().length)).toList();
        }
        if (v.hasL()) {
            return v.l().stream().map(StoredItemRoundTripTest::comparable).toList();
        }
        if (v.hasM()) {
            return comparable(v.m());
        }
        return v;
    }

    private static Map<String, Object> comparable(Map<String, AttributeValue> item) {
        Map<String, Object> out = new LinkedHashMap<>();
        item.forEach((k, v) -> out.put(k, comparable(v)));
        return out;
    }

    private static void createTable(DynamoDbClient c) {
        c.createTable(
                b ->
                        b.tableName("items")
                                .billingMode("PAY_PER_REQUEST")
                                .keySchema(
                                        k -> k.attributeName("pk").keyType("HASH"),
                                        k -> k.attributeName("sk").keyType("RANGE"))
                                .attributeDefinitions(
                                        a -> a.attributeName("pk").attributeType("S"),
                                        a -> a.attributeName("sk").attributeType("N")));
    }

    private static void assertReadBack(DynamoDbClient c, Map<String, AttributeValue> written) {
        Map<String, AttributeValue> key = Map.of("pk", written.get("pk"), "sk", written.get("sk"));
        Map<String, Object> expected = comparable(written);
        assertThat(comparable(c.getItem(b -> b.tableName("items").key(key)).item()))
                .isEqualTo(expected);
        assertThat(
                        c.query(
                                        b ->
                                                b.tableName("items")
                                                        .keyConditionExpression("pk = :p")
                                                        .expressionAttributeValues(
                                                                Map.of(":p", written.get("pk"))))
                                .items())
                .extracting(StoredItemRoundTripTest::comparable)
                .containsExactly(expected);
        assertThat(c.scan(b -> b.tableName("items")).items())
                .extracting(StoredItemRoundTripTest::comparable)
                .contains(expected);
    }

    @Test
    void everyAttributeTypeComesBackAsWritten() {
        try (LocalDynamoDb db = LocalDynamoDb.start()) {
            DynamoDbClient c = db.client();
            createTable(c);
            Map<String, AttributeValue> item = everyType("a");
            c.putItem(b -> b.tableName("items").item(item));
            assertReadBack(c, item);
            // projections, conditions and updates read single attributes of the stored form
            assertThat(
                            c.getItem(
                                            b ->
                                                    b.tableName("items")
                                                            .key(
                                                                    Map.of(
                                                                            "pk",
                                                                            item.get("pk"),
                                                                            "sk",
                                                                            item.get("sk")))
                                                            .projectionExpression(
                                                                    "wide, #n, doc.nested.deep[1]")
                                                            .expressionAttributeNames(
                                                                    Map.of("#n", "ñame-日本")))
                                    .item())
                    .containsOnlyKeys("wide", "ñame-日本", "doc")
                    .containsEntry("wide", item.get("wide"))
                    .containsEntry("doc", m("nested", m("deep", l(item.get("plain")))))
                    .hasSize(3);
            c.updateItem(
                    b ->
                            b.tableName("items")
                                    .key(Map.of("pk", item.get("pk"), "sk", item.get("sk")))
                                    .updateExpression("SET #z = #z + :one REMOVE brief")
                                    .conditionExpression("wide = :w AND big > :one")
                                    .expressionAttributeNames(Map.of("#z", "zero"))
                                    .expressionAttributeValues(
                                            Map.of(":one", n("1"), ":w", item.get("wide"))));
            Map<String, AttributeValue> updated = new LinkedHashMap<>(item);
            updated.put("zero", n("1"));
            updated.remove("brief");
            assertReadBack(c, updated);
        }
    }

    @Test
    void storedItemsSurviveARestartWithADataDirectory() {
        Map<String, AttributeValue> item = everyType("b");
        try (LocalDynamoDb db = LocalDynamoDb.builder().dataDirectory(dir).start()) {
            createTable(db.client());
            db.client().putItem(b -> b.tableName("items").item(item));
        }
        try (LocalDynamoDb db = LocalDynamoDb.builder().dataDirectory(dir).start()) {
            assertReadBack(db.client(), item);
        }
    }
}
