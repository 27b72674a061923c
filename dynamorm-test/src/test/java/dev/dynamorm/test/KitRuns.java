package dev.dynamorm.test;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs fixture classes in a nested JUnit engine run, as a user's build would run them, with the
 * kit's settings given as configuration parameters. Such a run has its own root store, so it starts
 * and stops its own servers.
 */
// exports: JUnit's testkit types (results, events) are on the test path, not in a module the kit
// requires
@SuppressWarnings("exports")
public final class KitRuns {

    private KitRuns() {}

    /**
     * Runs the classes in the given order; {@code settings} are key/value pairs. The surefire
     * {@code dynamorm.it.require} of this build is cleared unless the settings set it.
     */
    public static EngineExecutionResults run(List<Class<?>> classes, String... settings) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(Settings.REQUIRE, "");
        parameters.put(
                "junit.jupiter.testclass.order.default",
                "org.junit.jupiter.api.ClassOrderer$OrderAnnotation");
        for (int i = 0; i + 1 < settings.length; i += 2) {
            parameters.put(settings[i], settings[i + 1]);
        }
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameters(parameters)
                .selectors(
                        classes.stream()
                                .map(c -> selectClass(c))
                                .toArray(org.junit.platform.engine.DiscoverySelector[]::new))
                .execute();
    }

    public static EngineExecutionResults run(Class<?> fixture, String... settings) {
        return run(List.of(fixture), settings);
    }

    /**
     * For each event: the reason of a skipped one, else the type and message of the throwable that
     * ended it.
     */
    public static List<String> messages(List<Event> events) {
        return events.stream()
                .map(
                        e ->
                                e.getPayload(String.class)
                                        .orElseGet(
                                                () ->
                                                        e.getPayload(TestExecutionResult.class)
                                                                .flatMap(
                                                                        TestExecutionResult
                                                                                ::getThrowable)
                                                                .map(
                                                                        t ->
                                                                                t.getClass()
                                                                                                .getSimpleName()
                                                                                        + ": "
                                                                                        + t
                                                                                                .getMessage())
                                                                .orElse("(no throwable)")))
                .collect(Collectors.toList());
    }
}
