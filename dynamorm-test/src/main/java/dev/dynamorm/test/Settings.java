package dev.dynamorm.test;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The kit's settings. Each key is looked up as a JUnit configuration parameter (which falls back to
 * the JVM system property and {@code junit-platform.properties}), then as an environment variable
 * named like the key in upper case with dots as underscores ({@code DYNAMORM_TEST_BACKEND}).
 */
final class Settings {

    /** Backend of classes whose annotation names none. */
    static final String BACKEND = "dynamorm.test.backend";

    /** Comma-separated backends that must be available: unavailable means fail, not skip. */
    static final String REQUIRE = "dynamorm.it.require";

    /** Path of the test-servers folder holding node_modules. */
    static final String SERVERS = "dynamorm.test.servers";

    /** Folder of the per-user cache where the kit installs the pinned npm servers itself. */
    static final String SERVERS_CACHE = "dynamorm.test.serversCache";

    /** Endpoint URI of the ENDPOINT backend, or {@code aws}. */
    static final String ENDPOINT = "dynamorm.test.endpoint";

    /** Region of the ENDPOINT backend. */
    static final String REGION = "dynamorm.test.region";

    /** Folder of the server log files. */
    static final String LOG_DIR = "dynamorm.test.logDir";

    /** Seconds to wait for a server to answer ListTables. */
    static final String START_TIMEOUT = "dynamorm.test.startTimeout";

    /** Docker image of the LOCALSTACK backend. */
    static final String LOCALSTACK_IMAGE = "dynamorm.test.localstackImage";

    /** Path of the node executable, instead of looking it up on the PATH. */
    static final String NODE = "dynamorm.test.node";

    static final String DEFAULT_REGION = "us-east-1";
    static final String DEFAULT_LOCALSTACK_IMAGE = "localstack/localstack:3";
    static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(20);

    private final Function<String, Optional<String>> parameters;
    private final Function<String, String> environment;

    Settings(Function<String, Optional<String>> parameters, Function<String, String> environment) {
        this.parameters = parameters;
        this.environment = environment;
    }

    static Settings of(ExtensionContext context) {
        return new Settings(context::getConfigurationParameter, System::getenv);
    }

    /** The raw value of a key, possibly blank. */
    Optional<String> get(String key) {
        Optional<String> value = parameters.apply(key);
        if (value.isPresent()) {
            return value;
        }
        return Optional.ofNullable(environment.apply(envName(key)));
    }

    /** The value of a key, absent when unset or blank. */
    Optional<String> nonBlank(String key) {
        return get(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    Duration startTimeout() {
        Optional<String> value = nonBlank(START_TIMEOUT);
        if (value.isEmpty()) {
            return DEFAULT_START_TIMEOUT;
        }
        try {
            long seconds = Long.parseLong(value.get());
            if (seconds < 1) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new ExtensionConfigurationException(
                    START_TIMEOUT
                            + " must be a whole number of seconds of at least 1, got '"
                            + value.get()
                            + "'");
        }
    }

    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_');
    }
}
