package dev.dynamorm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class FieldPathsTest {

    @Test
    void root_isTheFieldBeforeTheFirstDotOrBracket() {
        assertThat(FieldPaths.root("email")).isEqualTo("email");
        assertThat(FieldPaths.root("address.city")).isEqualTo("address");
        assertThat(FieldPaths.root("tags[0]")).isEqualTo("tags");
        assertThat(FieldPaths.root("lines[2].sku")).isEqualTo("lines");
        assertThat(FieldPaths.root("map.one[3]")).isEqualTo("map");
        assertThat(FieldPaths.root("")).isEmpty();
    }
}
