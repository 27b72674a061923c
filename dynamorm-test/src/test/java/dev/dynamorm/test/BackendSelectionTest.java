package dev.dynamorm.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** How a class's backend and models are chosen. */
class BackendSelectionTest {

    static final AtomicReference<Backend> INJECTED = new AtomicReference<>();

    static Settings settings(Map<String, String> parameters, Map<String, String> environment) {
        return new Settings(key -> Optional.ofNullable(parameters.get(key)), environment::get);
    }

    @DynamoBackend(models = {String.class, Integer.class})
    abstract static class Suite {}

    @DynamoBackend(
            value = Backend.DYNALITE,
            models = {Long.class, String.class})
    static class OnDynalite extends Suite {}

    static class Unannotated extends Suite {}

    @DynamoBackend(Backend.DYNOXIDE)
    abstract static class ExplicitBase {}

    @DynamoBackend(models = Long.class)
    static class InheritsExplicit extends ExplicitBase {}

    @DynamoBackend({Backend.DYNOXIDE, Backend.DYNALITE})
    static class TwoBackends {}

    @Test
    void nearestExplicitBackendWinsAndModelsOfAllLevelsAreCreatedBaseFirst() {
        Selection selection =
                Selection.of(
                        OnDynalite.class, settings(Map.of(Settings.BACKEND, "dynoxide"), Map.of()));
        assertThat(selection.backend()).isEqualTo(Backend.DYNALITE);
        assertThat(selection.models()).containsExactly(String.class, Integer.class, Long.class);
    }

    @Test
    void explicitBackendOfASuperclassIsInherited() {
        Selection selection =
                Selection.of(
                        InheritsExplicit.class,
                        settings(Map.of(Settings.BACKEND, "dynalite"), Map.of()));
        assertThat(selection.backend()).isEqualTo(Backend.DYNOXIDE);
        assertThat(selection.models()).containsExactly(Long.class);
    }

    @Test
    void withoutExplicitBackendThePropertyThenTheEnvironmentThenEmbeddedDecides() {
        assertThat(
                        Selection.of(
                                        Unannotated.class,
                                        settings(
                                                Map.of(Settings.BACKEND, "DynaLite"),
                                                Map.of("DYNAMORM_TEST_BACKEND", "dynoxide")))
                                .backend())
                .isEqualTo(Backend.DYNALITE);
        assertThat(
                        Selection.of(
                                        Unannotated.class,
                                        settings(
                                                Map.of(),
                                                Map.of("DYNAMORM_TEST_BACKEND", "dynoxide")))
                                .backend())
                .isEqualTo(Backend.DYNOXIDE);
        assertThat(
                        Selection.of(
                                        Unannotated.class,
                                        settings(Map.of(Settings.BACKEND, " "), Map.of()))
                                .backend())
                .isEqualTo(Backend.EMBEDDED);
        assertThat(Selection.of(Unannotated.class, settings(Map.of(), Map.of())).backend())
                .isEqualTo(Backend.EMBEDDED);
    }

    @Test
    void unknownConfiguredBackendIsAConfigurationError() {
        assertThatThrownBy(
                        () ->
                                Selection.of(
                                        Unannotated.class,
                                        settings(Map.of(Settings.BACKEND, "dynamo"), Map.of())))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining(
                        "-Ddynamorm.test.backend (or DYNAMORM_TEST_BACKEND) names unknown backend 'dynamo'");
    }

    @Test
    void moreThanOneBackendIsAConfigurationError() {
        assertThatThrownBy(() -> Selection.of(TwoBackends.class, settings(Map.of(), Map.of())))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("names 2 backends: name one");
    }

    @Test
    void configuredBackendRunsAClassWhoseAnnotationNamesNone() {
        INJECTED.set(null);
        EngineExecutionResults results =
                KitRuns.run(
                        Configurable.class,
                        Settings.BACKEND,
                        "DYNALITE",
                        Settings.REQUIRE,
                        "dynalite");

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(INJECTED.get()).isEqualTo(Backend.DYNALITE);
    }

    @Test
    void unknownConfiguredBackendFailsTheClass() {
        EngineExecutionResults results =
                KitRuns.run(Configurable.class, Settings.BACKEND, "dynamo");

        assertThat(KitRuns.messages(results.containerEvents().failed().list()))
                .singleElement()
                .asString()
                .contains(
                        "names unknown backend 'dynamo': use one of embedded, dynoxide, dynalite, localstack, endpoint");
    }

    @DynamoBackend
    static class Configurable {
        @Test
        void recordsTheBackend(Backend backend) {
            INJECTED.set(backend);
        }
    }
}
