package dev.dynamorm.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class SuggestionsTest {

    @Test
    void nearest_typo_isSuggested() {
        assertThat(Suggestions.nearest("cahce", List.of("audit", "cache", "metrics")))
                .contains("cache");
        assertThat(Suggestions.nearest("MAXIMUMsize", List.of("models", "maximumSize", "ttl")))
                .contains("maximumSize");
    }

    @Test
    void nearest_farName_isNotSuggested() {
        assertThat(Suggestions.nearest("colour", List.of("models", "ttl"))).isEmpty();
        assertThat(Suggestions.nearest("x", List.of())).isEmpty();
    }

    @Test
    void nearest_shortNames_allowTwoEdits() {
        assertThat(Suggestions.nearest("tl", List.of("ttl"))).contains("ttl");
        assertThat(Suggestions.nearest("abc", List.of("xyz"))).isEmpty();
    }

    @Test
    void didYouMean_formatsTheHint() {
        assertThat(Suggestions.didYouMean("cahce", List.of("cache")))
                .isEqualTo("did you mean 'cache'? ");
        assertThat(Suggestions.didYouMean("zzzzzz", List.of("cache"))).isEmpty();
    }

    @Test
    void nearest_nulls_areRefused() {
        assertThatThrownBy(() -> Suggestions.nearest(null, List.of()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("given");
        assertThatThrownBy(() -> Suggestions.nearest("a", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("known");
    }

    @Test
    void distance_isLevenshtein() {
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("same", "same")).isZero();
    }
}
