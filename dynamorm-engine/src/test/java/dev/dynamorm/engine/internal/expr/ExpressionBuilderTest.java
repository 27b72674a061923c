package dev.dynamorm.engine.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Placeholders of one request: names de-duplicated, values not, prefixes kept apart. */
final class ExpressionBuilderTest {

    @Test
    void names_areDeduplicated_valuesAreNot() {
        ExpressionBuilder expr = new ExpressionBuilder();

        assertThat(expr.names()).isNull();
        assertThat(expr.values()).isNull();
        assertThat(expr.name("status")).isEqualTo("#n0");
        assertThat(expr.name("qty")).isEqualTo("#n1");
        assertThat(expr.name("status")).isEqualTo("#n0");
        assertThat(expr.value(AttributeValue.fromS("x"))).isEqualTo(":v0");
        assertThat(expr.value(AttributeValue.fromS("x"))).isEqualTo(":v1");

        assertThat(expr.names())
                .containsExactly(Map.entry("#n0", "status"), Map.entry("#n1", "qty"));
        assertThat(expr.values())
                .containsExactly(
                        Map.entry(":v0", AttributeValue.fromS("x")),
                        Map.entry(":v1", AttributeValue.fromS("x")));
    }

    @Test
    void prefixes_keepAHooksPlaceholdersApartFromTheEngines() {
        ExpressionBuilder hook = new ExpressionBuilder("#hk", ":hk");

        assertThat(hook.name("a")).isEqualTo("#hk0");
        assertThat(hook.value(AttributeValue.fromN("1"))).isEqualTo(":hk0");
    }

    @Test
    void replaceValue_rebindsAnExistingPlaceholderOnly() {
        ExpressionBuilder expr = new ExpressionBuilder();
        String p = expr.value(AttributeValue.fromS("plain"));

        expr.replaceValue(p, AttributeValue.fromN("7"));

        assertThat(expr.values()).containsExactly(Map.entry(":v0", AttributeValue.fromN("7")));
        assertThatThrownBy(() -> expr.replaceValue(":v9", AttributeValue.fromN("1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no value placeholder :v9");
    }
}
