package dev.dynamorm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

final class ConditionSizeAndTypeTest {

    @Test
    void when_parsesSizeOperators() {
        assertThat(Condition.when("tags", "SIZE >", 2))
                .isEqualTo(new Condition.Size("tags", Operator.GT, List.of(2)));
        assertThat(Condition.when("tags", " size between ", List.of(1, 3)))
                .isEqualTo(new Condition.Size("tags", Operator.BETWEEN, List.of(1, 3)));
        assertThat(Condition.when("tags", "SIZE IN", new int[] {1, 2}))
                .isEqualTo(new Condition.Size("tags", Operator.IN, List.of(1, 2)));
        assertThat(Condition.when("sizeLimit", "=", 2)).isInstanceOf(Condition.Comparison.class);
    }

    @Test
    void when_parsesAttributeTypeChecks() {
        assertThat(Condition.when("labels", "ATTRIBUTE_TYPE", "ss"))
                .isEqualTo(new Condition.AttributeType("labels", AttributeValue.Type.SS));
        assertThat(Condition.when("note", "attribute_type", AttributeValue.Type.NUL))
                .isEqualTo(Condition.attributeType("note", AttributeValue.Type.NUL));
        assertThat(
                        ((Condition.AttributeType) Condition.when("note", "ATTRIBUTE_TYPE", "NULL"))
                                .wireName())
                .isEqualTo("NULL");
    }

    @Test
    void badSizeOrType_failsAtTheCall() {
        assertThatThrownBy(() -> Condition.when("tags", "SIZE BEGINS_WITH", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "SIZE compares with =, <>, <, <=, >, >=, BETWEEN or IN, not BEGINS_WITH (field 'tags')");
        assertThatThrownBy(() -> Condition.when("tags", "SIZE BETWEEN", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("BETWEEN needs exactly two values");
        assertThatThrownBy(() -> Condition.when("tags", "ATTRIBUTE_TYPE", "TEXT"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "ATTRIBUTE_TYPE needs a type: an AttributeValue.Type or one of S, N, B, SS, NS, BS, M, L, "
                                + "BOOL, NULL; got TEXT");
        assertThatThrownBy(
                        () ->
                                Condition.attributeType(
                                        "x", AttributeValue.Type.UNKNOWN_TO_SDK_VERSION))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
