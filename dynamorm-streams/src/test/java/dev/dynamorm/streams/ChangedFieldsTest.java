package dev.dynamorm.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.streams.Models.Order;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * A MODIFY's changed fields are the fields whose values differ once both images are mapped to the
 * model and converted back, however the stored attributes are written: each case is checked against
 * that comparison done by hand.
 */
final class ChangedFieldsTest {
    private static final Order BASE =
            new Order("c1", "o1", "NEW", 500, "first", Instant.parse("2026-12-06T00:00:00Z"));

    private LocalDynamoDb local;
    private DynamORM db;
    private Table<Order> orders;

    @BeforeEach
    void setUp() {
        local = LocalDynamoDb.builder().start();
        db = DynamORM.builder().client(local.client()).discoverPlugins(false).build();
        orders = db.table(Order.class);
    }

    @AfterEach
    void tearDown() {
        db.close();
        local.close();
    }

    @Test
    void identicalImages_changeNothing() {
        assertThat(changed(after -> {})).isEmpty();
    }

    @Test
    void changedValues_nameTheirFields() {
        assertThat(
                        changed(
                                after -> {
                                    after.put("status", AttributeValue.fromS("PAID"));
                                    after.put("totalCents", AttributeValue.fromN("750"));
                                }))
                .containsExactlyInAnyOrder("status", "totalCents");
    }

    @Test
    void aNumberWrittenDifferently_isNotAChange() {
        assertThat(changed(after -> after.put("totalCents", AttributeValue.fromN("0500"))))
                .isEmpty();
    }

    @Test
    void aFieldSetOrRemoved_isAChange() {
        assertThat(changed(after -> after.remove("note_text"))).containsExactly("note");
        assertThat(changed(after -> after.put("note_text", AttributeValue.fromNul(true))))
                .containsExactly("note");
    }

    @Test
    void aPrimitiveMissingOrZero_isTheSameValue() {
        Map<String, AttributeValue> before = orders.toItem(BASE);
        before.remove("totalCents");
        Map<String, AttributeValue> after = new HashMap<>(before);
        after.put("totalCents", AttributeValue.fromN("0"));

        assertThat(decodeModify(before, after).changedFields())
                .isEqualTo(byConvertingTheModels(before, after))
                .isEmpty();
    }

    @Test
    void attributesOfNoField_areNotFields() {
        assertThat(changed(after -> after.put("legacy", AttributeValue.fromS("x")))).isEmpty();
        assertThat(
                        changed(
                                after -> {
                                    after.put("legacy", AttributeValue.fromS("x"));
                                    after.put("status", AttributeValue.fromS("PAID"));
                                }))
                .containsExactly("status");
    }

    /** The changed fields of a MODIFY from BASE's item to the item {@code edit} makes of it. */
    private Set<String> changed(Consumer<Map<String, AttributeValue>> edit) {
        Map<String, AttributeValue> before = orders.toItem(BASE);
        Map<String, AttributeValue> after = new HashMap<>(before);
        edit.accept(after);
        Set<String> fields = decodeModify(before, after).changedFields();
        assertThat(fields).isEqualTo(byConvertingTheModels(before, after));
        return fields;
    }

    private ChangeEvent<Order> decodeModify(
            Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        Record record =
                Record.builder()
                        .eventID("e1")
                        .eventName(OperationType.MODIFY)
                        .dynamodb(
                                d ->
                                        d.keys(
                                                        Map.of(
                                                                "customerId",
                                                                before.get("customerId"),
                                                                "orderId",
                                                                before.get("orderId")))
                                                .oldImage(before)
                                                .newImage(after)
                                                .sequenceNumber("100")
                                                .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))
                        .build();
        return ChangeDecoder.of(orders).decode(record);
    }

    /** The reference: both images mapped to the model and converted back, compared. */
    private Set<String> byConvertingTheModels(
            Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        Map<String, AttributeValue> a = orders.toItem(orders.fromImage(before));
        Map<String, AttributeValue> b = orders.toItem(orders.fromImage(after));
        Map<String, String> fieldOf = new HashMap<>();
        orders.modelInfo().attributeNames().forEach((field, attr) -> fieldOf.put(attr, field));
        Set<String> attributes = new HashSet<>(a.keySet());
        attributes.addAll(b.keySet());
        Set<String> out = new HashSet<>();
        for (String attribute : attributes) {
            if (!java.util.Objects.equals(a.get(attribute), b.get(attribute))) {
                out.add(fieldOf.get(attribute));
            }
        }
        return out;
    }
}
