package dev.dynamorm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class FieldRefTest {

    @Test
    void of_keepsThePath_andEqualsByPath() {
        FieldRef<Object, String> city = FieldRef.of("address.city");
        assertThat(city.path()).isEqualTo("address.city");
        assertThat(city).hasToString("address.city").isEqualTo(FieldRef.of("address.city"));
        assertThat(city.hashCode()).isEqualTo("address.city".hashCode());
        assertThat(city).isNotEqualTo(FieldRef.of("address.street"));
    }

    @Test
    void of_refusesNullAndBlankPaths() {
        assertThatThrownBy(() -> FieldRef.of(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("path");
        assertThatThrownBy(() -> FieldRef.of(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a field path must not be blank");
    }

    @Test
    void condition_fromAReference_isTheConditionFromItsPath() {
        FieldRef<Object, Integer> stock = FieldRef.of("stock");
        assertThat(Condition.when(stock, ">", 0)).isEqualTo(Condition.when("stock", ">", 0));
        assertThat(Condition.exists(stock)).isEqualTo(Condition.exists("stock"));
        assertThat(Condition.notExists(stock)).isEqualTo(Condition.notExists("stock"));
    }
}
