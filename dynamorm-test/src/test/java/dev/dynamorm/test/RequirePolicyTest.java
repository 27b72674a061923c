package dev.dynamorm.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.opentest4j.TestAbortedException;

class RequirePolicyTest {

    @Test
    void parsesCommaSeparatedCaseInsensitiveNames() {
        assertThat(RequirePolicy.parse(" Dynoxide, DYNALITE ,,localstack").required())
                .containsExactlyInAnyOrder(Backend.DYNOXIDE, Backend.DYNALITE, Backend.LOCALSTACK);
    }

    @Test
    void blankOrMissingRequiresNothing() {
        assertThat(RequirePolicy.parse(null).required()).isEmpty();
        assertThat(RequirePolicy.parse("  ").required()).isEmpty();
    }

    @Test
    void allRequiresEveryBackend() {
        assertThat(RequirePolicy.parse("all").required()).isEqualTo(EnumSet.allOf(Backend.class));
    }

    @Test
    void unknownNameIsAConfigurationError() {
        assertThatThrownBy(() -> RequirePolicy.parse("dynoxide,dynamo-local"))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("unknown backend 'dynamo-local'")
                .hasMessageContaining("embedded, dynoxide, dynalite, localstack, endpoint");
    }

    @Test
    void unavailableBackendThatIsNotRequiredSkipsWithTheReason() {
        RuntimeException outcome =
                RequirePolicy.parse("dynoxide")
                        .unavailable(Backend.LOCALSTACK, "docker is not available");
        assertThat(outcome)
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("backend localstack unavailable")
                .hasMessageContaining("docker is not available")
                .hasMessageContaining("dynamorm.it.require");
    }

    @Test
    void unavailableBackendThatIsRequiredFailsWithTheReason() {
        RuntimeException outcome =
                RequirePolicy.parse("LocalStack")
                        .unavailable(Backend.LOCALSTACK, "docker is not available");
        assertThat(outcome)
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(
                        "backend localstack is required by -Ddynamorm.it.require but unavailable:"
                                + " docker is not available");
    }

    @Test
    void backendNamesAreCaseInsensitive() {
        assertThat(Backend.fromName(" dynalite ")).isEqualTo(Backend.DYNALITE);
        assertThatThrownBy(() -> Backend.fromName("dynamo"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
