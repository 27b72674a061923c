package dev.dynamorm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class VersionTest {

    @Test
    void version_isTheProjectVersionMavenFilledIn() {
        assertThat(DynamORM.version())
                .matches("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?")
                .isEqualTo(System.getProperty("dynamorm.expectedVersion", DynamORM.version()));
    }
}
