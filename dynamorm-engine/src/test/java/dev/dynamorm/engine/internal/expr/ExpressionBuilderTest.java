package dev.dynamorm.engine.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
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
    void build_closesEachExpression_withThePlaceholdersAndReadsItUsed() {
        ExpressionBuilder expr = new ExpressionBuilder();
        String update =
                "SET " + expr.name("status") + " = " + expr.value(AttributeValue.fromS("SHIPPED"));
        Expression set =
                expr.build(update, new UpdateWrites(Set.of("status"), Map.of("status", ":v0")));
        String condition =
                expr.path(new AttributePath(List.of("address", "city"), null, false))
                        + " = "
                        + expr.value(AttributeValue.fromS("Lyon"))
                        + " AND "
                        + expr.name("status")
                        + " <> "
                        + expr.value(AttributeValue.fromS("SHIPPED"));
        Expression when = expr.build(condition, null);

        assertThat(set.text()).isEqualTo("SET #n0 = :v0");
        assertThat(set.names()).containsExactly(Map.entry("#n0", "status"));
        assertThat(set.values()).containsExactly(Map.entry(":v0", AttributeValue.fromS("SHIPPED")));
        assertThat(set.reads()).isEmpty();
        assertThat(set.writes().changed()).containsExactly("status");
        assertThat(when.text()).isEqualTo("#n1.#n2 = :v1 AND #n0 <> :v2");
        // a name both expressions use keeps its placeholder and is in both
        assertThat(when.names())
                .containsExactly(
                        Map.entry("#n1", "address"),
                        Map.entry("#n2", "city"),
                        Map.entry("#n0", "status"));
        assertThat(when.values()).containsOnlyKeys(":v1", ":v2");
        assertThat(when.reads()).containsExactly("address");
        assertThat(when.reads("address")).isTrue();
        assertThat(when.reads("city")).isFalse();
        assertThat(when.writes()).isEqualTo(UpdateWrites.NONE);
        // the request still sends every placeholder of both
        assertThat(expr.names()).containsOnlyKeys("#n0", "#n1", "#n2");
        assertThat(expr.values()).containsOnlyKeys(":v0", ":v1", ":v2");
    }

    @Test
    void expression_isImmutable_andNeedsText() {
        ExpressionBuilder expr = new ExpressionBuilder();
        String p = expr.value(AttributeValue.fromS("a"));
        Expression built = expr.build(expr.name("x") + " = " + p, null);
        expr.replaceValue(p, AttributeValue.fromS("b"));

        assertThat(built.values()).containsExactly(Map.entry(":v0", AttributeValue.fromS("a")));
        assertThatThrownBy(() -> built.names().put("#n9", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> expr.build("", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an expression needs text");
        assertThat(Expression.textOf(null)).isNull();
        assertThat(built).hasToString("#n0 = :v0");
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
