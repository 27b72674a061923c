package dev.dynamorm.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TablePrefixesTest {

    @Test
    void prefixesAreUniqueAndValidTableNameStarts() {
        String a = TablePrefixes.next(TablePrefixesTest.class, false);
        String b = TablePrefixes.next(TablePrefixesTest.class, false);
        assertThat(a).isNotEqualTo(b).matches("t\\d+_TablePrefixesTest_");
        assertThat(TablePrefixes.next(TablePrefixesTest.class, true))
                .matches("t\\d+_[a-z0-9]{5}_TablePrefixesTest_");
    }

    @Test
    void keepsOnlyCharactersDynamoDbAllowsAndBoundsTheLength() {
        assertThat(TablePrefixes.sanitize("Crud$Ünïcode Test")).isEqualTo("Crud__n_code_Test");
        assertThat(TablePrefixes.sanitize("")).isEqualTo("Anonymous");
        assertThat(TablePrefixes.sanitize("x".repeat(100))).hasSize(40);
    }
}
