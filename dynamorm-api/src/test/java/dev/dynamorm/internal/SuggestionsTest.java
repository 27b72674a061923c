package dev.dynamorm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class SuggestionsTest {

    @Test
    void distance_countsInsertionsDeletionsAndSubstitutions() {
        assertThat(Suggestions.distance("", "")).isZero();
        assertThat(Suggestions.distance("cache", "cache")).isZero();
        assertThat(Suggestions.distance("cahce", "cache")).isEqualTo(2);
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("Cache", "cache")).isEqualTo(1);
    }

    @Test
    void nearest_ignoresCase_andSuggestsOnlyLikelyTypos() {
        List<String> fields = List.of("customerId", "orderId", "totalCents");
        assertThat(Suggestions.nearest("totlCents", fields)).contains("totalCents");
        assertThat(Suggestions.nearest("ORDERID", fields)).contains("orderId");
        // two edits are always allowed, even for short names
        assertThat(Suggestions.nearest("cahce", List.of("cache", "audit"))).contains("cache");
        assertThat(Suggestions.nearest("shipping", fields)).isEmpty();
        assertThat(Suggestions.nearest("x", List.of())).isEmpty();
    }
}
