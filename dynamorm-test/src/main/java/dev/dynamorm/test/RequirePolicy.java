package dev.dynamorm.test;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.opentest4j.TestAbortedException;

/**
 * Decides what an unavailable backend does to a test class: skip it, or fail it when the backend is
 * named in {@code -Ddynamorm.it.require} (so CI cannot silently skip the servers it installs).
 */
final class RequirePolicy {

    private final Set<Backend> required;

    private RequirePolicy(Set<Backend> required) {
        this.required = Collections.unmodifiableSet(required);
    }

    /**
     * Parses a comma-separated, case-insensitive list of backend names, or {@code all}; blank or
     * null requires nothing.
     *
     * @throws ExtensionConfigurationException if a name is unknown
     */
    static RequirePolicy parse(String spec) {
        EnumSet<Backend> required = EnumSet.noneOf(Backend.class);
        if (spec != null) {
            for (String part : spec.split(",", -1)) {
                String name = part.trim();
                if (name.isEmpty()) {
                    continue;
                }
                if (name.toLowerCase(Locale.ROOT).equals("all")) {
                    required.addAll(EnumSet.allOf(Backend.class));
                    continue;
                }
                try {
                    required.add(Backend.fromName(name));
                } catch (IllegalArgumentException e) {
                    throw new ExtensionConfigurationException(
                            "-D" + Settings.REQUIRE + " names " + e.getMessage() + " (or all)");
                }
            }
        }
        return new RequirePolicy(required);
    }

    static RequirePolicy of(Settings settings) {
        return parse(settings.get(Settings.REQUIRE).orElse(null));
    }

    Set<Backend> required() {
        return required;
    }

    boolean requires(Backend backend) {
        return required.contains(backend);
    }

    /** Why a class is skipped when its backend cannot be used and is not required. */
    String skipReason(Backend backend, String reason) {
        return skipReason(backend, reason, "class");
    }

    /** Why a class or test ({@code what}) is skipped when its backend cannot be used. */
    String skipReason(Backend backend, String reason, String what) {
        String name = backend.name().toLowerCase(Locale.ROOT);
        return "backend "
                + name
                + " unavailable, "
                + what
                + " skipped: "
                + reason
                + " (add "
                + name
                + " to -D"
                + Settings.REQUIRE
                + " to fail instead)";
    }

    /**
     * The exception that ends a test class whose backend cannot be used.
     *
     * @return a {@link TestAbortedException} (class skipped), or an {@link
     *     ExtensionConfigurationException} (class failed) when the backend is required
     */
    RuntimeException unavailable(Backend backend, String reason) {
        if (requires(backend)) {
            return new ExtensionConfigurationException(
                    "backend "
                            + backend.name().toLowerCase(Locale.ROOT)
                            + " is required by -D"
                            + Settings.REQUIRE
                            + " but unavailable: "
                            + reason);
        }
        return new TestAbortedException(skipReason(backend, reason));
    }
}
