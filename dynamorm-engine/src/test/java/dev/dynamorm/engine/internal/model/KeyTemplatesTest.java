package dev.dynamorm.engine.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.KeyRole;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Key templates on reflective models: rendering, parsing, escaping and registration errors. */
final class KeyTemplatesTest {

    private static ModelMetadata<?> metadata(Class<?> type) {
        return TestConverters.registry().metadata(type);
    }

    private static void assertFails(Class<?> type, String message) {
        assertThatThrownBy(() -> metadata(type))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessage("model " + type.getName() + ": " + message);
    }

    @DynamoTable("t")
    @PartitionKey(template = "CUSTOMER#{customerId}")
    @SortKey(template = "ORDER#{year}#{orderId}")
    @IndexKey(index = "GSI1", template = "ORDER#{orderId}")
    @IndexKey(index = "GSI1", role = KeyRole.SORT, template = "TOTAL")
    record Order(String customerId, int year, String orderId, long total) {}

    @Test
    void toItem_rendersEveryKey_escapingTheSeparator() {
        @SuppressWarnings("unchecked")
        ModelMetadata<Order> m = (ModelMetadata<Order>) metadata(Order.class);
        Map<String, AttributeValue> item = m.toItem(new Order("c#1", 2024, "o\\1", 5));

        assertThat(item)
                .containsEntry("PK", AttributeValue.fromS("CUSTOMER#c\\#1"))
                .containsEntry("SK", AttributeValue.fromS("ORDER#2024#o\\\\1"))
                .containsEntry("GSI1PK", AttributeValue.fromS("ORDER#o\\\\1"))
                .containsEntry("GSI1SK", AttributeValue.fromS("TOTAL"))
                .containsEntry("customerId", AttributeValue.fromS("c#1"));
        assertThat(m.partitionKey().name()).isEqualTo("PK");
        assertThat(m.sortKey()).map(FieldMetadata::attributeName).contains("SK");
        assertThat(m.indexes())
                .singleElement()
                .satisfies(i -> assertThat(i.name()).isEqualTo("GSI1"));
    }

    @Test
    void fromItem_parsesTheKeys_whenTheFieldsOwnAttributesAreMissing() {
        @SuppressWarnings("unchecked")
        ModelMetadata<Order> m = (ModelMetadata<Order>) metadata(Order.class);
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", AttributeValue.fromS("CUSTOMER#c\\#1"));
        item.put("SK", AttributeValue.fromS("ORDER#2024#o\\\\1"));
        item.put("total", AttributeValue.fromN("5"));

        assertThat(m.fromItem(item)).isEqualTo(new Order("c#1", 2024, "o\\1", 5));

        item.put("SK", AttributeValue.fromS("ORDER#2024"));
        assertThatThrownBy(() -> m.fromItem(item))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(
                        "its key attribute 'SK' is 'ORDER#2024', which does not match the template "
                                + "'ORDER#{year}#{orderId}'");
    }

    @Test
    void toItem_nullTableKeyField_failsNamingIt_nullIndexField_leavesTheIndexOut() {
        @SuppressWarnings("unchecked")
        ModelMetadata<Order> m = (ModelMetadata<Order>) metadata(Order.class);
        assertThatThrownBy(() -> m.toItem(new Order(null, 2024, "o1", 5)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(
                        "cannot compute key attribute 'PK' of "
                                + Order.class.getName()
                                + " from template 'CUSTOMER#{customerId}': a field it names ('customerId') is null");
    }

    @DynamoTable("t")
    @PartitionKey(template = "CUSTOMER#{customerID}")
    record UnknownField(String customerId) {}

    @DynamoTable("t")
    @PartitionKey(template = "CUSTOMER#{customerId}")
    @SortKey(template = "ORDER{orderId}")
    record MixedPart(String customerId, String orderId) {}

    @DynamoTable("t")
    @PartitionKey(template = "{a}{b}")
    record Ambiguous(String a, String b) {}

    @DynamoTable("t")
    @PartitionKey(template = "A##{a}")
    record EmptyPart(String a) {}

    @DynamoTable("t")
    @PartitionKey(template = "A#{a}#{a}")
    record Twice(String a) {}

    @DynamoTable("t")
    @PartitionKey(template = "A#{tags}")
    record ListField(List<String> tags) {}

    @DynamoTable("t")
    @PartitionKey
    record NoTemplate(String a) {}

    @DynamoTable("t")
    record FieldTemplate(@PartitionKey(template = "A#{b}") String a, String b) {}

    @DynamoTable("t")
    @PartitionKey(template = "A#{a}")
    @IndexKey(index = "GSI1", role = KeyRole.SORT, template = "B#{a}")
    record IndexWithoutPartition(String a) {}

    @DynamoTable("t")
    @PartitionKey(template = "A#{a}")
    record Clash(String a, @dev.dynamorm.annotations.Attribute("PK") String b) {}

    @DynamoTable("t")
    @PartitionKey(template = "A#{a}")
    record EncryptedPart(@dev.dynamorm.annotations.Encrypted String a) {}

    @Test
    void registration_badTemplates_failWithClearMessages() {
        assertFails(
                EncryptedPart.class,
                "@PartitionKey template 'A#{a}': field 'a' is @Encrypted, and a key stores its value in "
                        + "plain text: leave it out of the template");
        assertFails(
                UnknownField.class,
                "@PartitionKey template 'CUSTOMER#{customerID}' names unknown field 'customerID': did you mean "
                        + "'customerId'? fields are [customerId]");
        assertFails(
                MixedPart.class,
                "@SortKey template 'ORDER{orderId}': part 'ORDER{orderId}' mixes text and a field, so the key "
                        + "could not be parsed back unambiguously: a field must fill a whole '#'-separated "
                        + "part, as in 'ORDER#{orderId}'");
        assertFails(
                Ambiguous.class,
                "@PartitionKey template '{a}{b}': part '{a}{b}' mixes text and a field, so the key could not "
                        + "be parsed back unambiguously: a field must fill a whole '#'-separated part, as in "
                        + "'ORDER#{orderId}'");
        assertFails(
                EmptyPart.class,
                "@PartitionKey template 'A##{a}' has an empty part: '#' separates non-empty parts");
        assertFails(
                Twice.class,
                "@PartitionKey template 'A#{a}#{a}' names field 'a' twice: name each field once");
        assertFails(
                ListField.class,
                "@PartitionKey template 'A#{tags}': field 'tags' is written as attribute type L; a template "
                        + "field must be written as a string (S) or number (N)");
        assertFails(
                NoTemplate.class,
                "@PartitionKey on the type has no template: give template = \"...\" or move the annotation "
                        + "to the field that holds the key");
        assertFails(
                FieldTemplate.class,
                "@PartitionKey on 'a' has a template, but a template computes the key from other fields: put "
                        + "the annotation on the type instead");
        assertFails(
                IndexWithoutPartition.class,
                "index 'GSI1' has a sort key template but no partition key template: add @IndexKey(index = "
                        + "\"GSI1\", template = \"...\") to the type");
        assertFails(
                Clash.class,
                "key attribute 'PK' computed from template 'A#{a}' clashes with a field of the same name or "
                        + "attribute: rename the field or set the template's attribute");
    }
}
