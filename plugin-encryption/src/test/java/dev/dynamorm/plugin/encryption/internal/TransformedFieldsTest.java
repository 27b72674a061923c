package dev.dynamorm.plugin.encryption.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.annotations.Encrypted;
import org.junit.jupiter.api.Test;

/** The encryption plugin reaches the engine only through the field-transform SPI. */
final class TransformedFieldsTest {

    @Test
    void hook_declaresEncryptedAsItsFieldTransform() {
        EncryptionHook hook = new EncryptionHook(null, e -> {});
        assertThat(hook.transformedFields()).containsExactly(Encrypted.class);
    }

    @Test
    void version_isDynamORMsVersion() {
        assertThat(new EncryptionPlugin().version())
                .isEqualTo(DynamORM.version())
                .isNotEqualTo("unknown");
    }
}
