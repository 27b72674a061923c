package dev.dynamorm.engine.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Expressions of one request combined as structure: conditions ANDed, SET actions put in front of
 * an update's SET clause, placeholders merged, never by parsing the text.
 */
final class ExpressionCompositionTest {

    @Test
    void conjunction_groupsOnlyPartsThatNeedIt_andIsNeverOneGroupAsAWhole() {
        assertThat(new Conjunction().text()).isNull();
        assertThat(new Conjunction().isEmpty()).isTrue();
        assertThat(new Conjunction().group("a OR b").text()).isEqualTo("a OR b");
        assertThat(new Conjunction().term("attribute_exists(#n0)").term("#n1 = :v0").text())
                .isEqualTo("attribute_exists(#n0) AND #n1 = :v0");
        assertThat(new Conjunction().group("a OR b").group("(c) OR (d)").term("e").text())
                .isEqualTo("(a OR b) AND ((c) OR (d)) AND e");
    }

    @Test
    void and_joinsTwoConditions_withTheirPlaceholdersAndReads() {
        ExpressionBuilder engine = new ExpressionBuilder();
        Expression written =
                engine.condition(
                        new Conjunction()
                                .group(
                                        "attribute_not_exists("
                                                + engine.name("pk")
                                                + ") OR "
                                                + engine.path(
                                                        new AttributePath(
                                                                List.of("version"), null, false))
                                                + " = "
                                                + engine.value(AttributeValue.fromN("3"))));
        ExpressionBuilder hook = new ExpressionBuilder("#hk", ":hk");
        Expression added =
                hook.build(
                        hook.path(new AttributePath(List.of("tenant"), null, false))
                                + " = "
                                + hook.value(AttributeValue.fromS("t1")),
                        null);

        Expression both = Expression.and(written, added);

        assertThat(both.text())
                .isEqualTo("(attribute_not_exists(#n0) OR #n1 = :v0) AND (#hk0 = :hk0)");
        assertThat(both.names())
                .containsExactly(
                        Map.entry("#n0", "pk"),
                        Map.entry("#n1", "version"),
                        Map.entry("#hk0", "tenant"));
        assertThat(both.values()).containsOnlyKeys(":v0", ":hk0");
        assertThat(both.reads()).containsExactly("version", "tenant");
        assertThat(Expression.and(null, added)).isSameAs(added);
        assertThat(Expression.and(written, null)).isSameAs(written);
        assertThat(Expression.and(null, null)).isNull();
    }

    @Test
    void aPlaceholderStandingForTwoNames_isRefused() {
        ExpressionBuilder one = new ExpressionBuilder();
        Expression a = one.build("attribute_exists(" + one.name("a") + ")", null);
        ExpressionBuilder other = new ExpressionBuilder();
        Expression b = other.build("attribute_exists(" + other.name("b") + ")", null);

        assertThatThrownBy(() -> Expression.and(a, b))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("#n0");
        assertThatThrownBy(() -> Expression.requestNames(a, b))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestMaps_unionTheExpressions_andAreNullWhenEmpty() {
        ExpressionBuilder expr = new ExpressionBuilder();
        String name = expr.name("status");
        Expression update =
                expr.update(
                        UpdateWrites.of(
                                Set.of("status"),
                                Map.of("status", ":v0"),
                                name + " = " + expr.value(AttributeValue.fromS("A")),
                                "",
                                "",
                                ""));
        Expression condition =
                expr.build(name + " <> " + expr.value(AttributeValue.fromS("B")), null);

        assertThat(update.text()).isEqualTo("SET #n0 = :v0");
        assertThat(Expression.requestNames(update, condition))
                .containsExactly(Map.entry("#n0", "status"));
        assertThat(Expression.requestValues(update, condition)).containsOnlyKeys(":v0", ":v1");
        assertThat(Expression.requestValues(update, null)).containsOnlyKeys(":v0");
        assertThat(Expression.requestNames(null, null)).isNull();
        assertThat(Expression.requestValues(null, null)).isNull();
    }

    @Test
    void withLeadingSets_goesInFrontOfTheSetClause_orAddsOne() {
        ExpressionBuilder expr = new ExpressionBuilder();
        Expression setAndRemove =
                expr.update(
                        UpdateWrites.of(
                                Set.of("a", "b"),
                                Map.of("a", ":v0"),
                                expr.name("a") + " = " + expr.value(AttributeValue.fromN("1")),
                                expr.name("b"),
                                "",
                                ""));
        ExpressionBuilder removeOnly = new ExpressionBuilder();
        Expression remove =
                removeOnly.update(
                        UpdateWrites.of(Set.of("b"), Map.of(), "", removeOnly.name("b"), "", ""));
        ExpressionBuilder hook = new ExpressionBuilder("#hs", ":hs");
        Expression sets =
                hook.build(hook.name("by") + " = " + hook.value(AttributeValue.fromS("me")), null);

        Expression merged = setAndRemove.withLeadingSets(sets);
        Expression added = remove.withLeadingSets(sets);

        assertThat(setAndRemove.text()).isEqualTo("SET #n0 = :v0 REMOVE #n1");
        assertThat(merged.text()).isEqualTo("SET #hs0 = :hs0, #n0 = :v0 REMOVE #n1");
        assertThat(merged.names()).containsOnlyKeys("#n0", "#n1", "#hs0");
        assertThat(merged.values()).containsOnlyKeys(":v0", ":hs0");
        // what the engine compiled is what hooks read: the added attribute is not recorded
        assertThat(merged.writes().changed()).containsExactlyInAnyOrder("a", "b");
        assertThat(added.text()).isEqualTo("SET #hs0 = :hs0 REMOVE #n0");
        assertThatThrownBy(() -> sets.withLeadingSets(sets))
                .isInstanceOf(IllegalStateException.class);
    }
}
