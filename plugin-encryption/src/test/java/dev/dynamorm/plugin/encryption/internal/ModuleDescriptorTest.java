package dev.dynamorm.plugin.encryption.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The compiled module descriptor: name, the exported packages (configuration and key rotation), the
 * plugin provided, what it reads.
 */
final class ModuleDescriptorTest {

    @Test
    void descriptor_exportsOnlyConfigurationAndRotation_andProvidesThePlugin() throws Exception {
        Path classes =
                Path.of(
                        EncryptionPlugin.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI());
        ModuleDescriptor d = ModuleFinder.of(classes).findAll().iterator().next().descriptor();
        assertThat(d.name()).isEqualTo("dev.dynamorm.plugin.encryption");
        assertThat(d.exports())
                .extracting(ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrder(
                        "dev.dynamorm.plugin.encryption",
                        "dev.dynamorm.plugin.encryption.rotation");
        assertThat(d.provides())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.service()).isEqualTo("dev.dynamorm.Plugin");
                            assertThat(p.providers())
                                    .containsExactly(EncryptionPlugin.class.getName());
                        });
        assertThat(
                        d.requires().stream()
                                .filter(
                                        r ->
                                                r.modifiers()
                                                        .contains(
                                                                ModuleDescriptor.Requires.Modifier
                                                                        .TRANSITIVE))
                                .map(ModuleDescriptor.Requires::name)
                                .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(
                        "dev.dynamorm.api", "software.amazon.awssdk.services.kms");
        assertThat(d.packages())
                .containsExactlyInAnyOrder(
                        "dev.dynamorm.plugin.encryption",
                        "dev.dynamorm.plugin.encryption.rotation",
                        "dev.dynamorm.plugin.encryption.internal",
                        "dev.dynamorm.plugin.encryption.internal.crypto");
    }
}
