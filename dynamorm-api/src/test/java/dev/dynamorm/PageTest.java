package dev.dynamorm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class PageTest {

    @Test
    void page_copiesItems_andReportsTheCursor() {
        List<String> items = new ArrayList<>(List.of("a", "b"));
        Page<String> page = new Page<>(items, "abc", 7);
        items.add("c");
        assertThat(page.items()).containsExactly("a", "b");
        assertThat(page.returnedCount()).isEqualTo(2);
        assertThat(page.scannedCount()).isEqualTo(7);
        assertThat(page.cursor()).isEqualTo("abc");
        assertThat(page.hasNext()).isTrue();
        assertThat(page)
                .isEqualTo(new Page<>(List.of("a", "b"), "abc", 7))
                .hasSameHashCodeAs(new Page<>(List.of("a", "b"), "abc", 7));
        assertThat(page.toString()).isEqualTo("Page[2 items, scanned 7, more]");
    }

    @Test
    void lastPage_hasNoCursor() {
        Page<String> last = new Page<>(List.of(), null, 0);
        assertThat(last.cursor()).isNull();
        assertThat(last.hasNext()).isFalse();
        assertThatThrownBy(() -> new Page<>(List.of(), null, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scannedCount must not be negative, got -1");
    }
}
