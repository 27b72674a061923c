package dev.dynamorm.engine.internal.model;

import dev.dynamorm.ModelDefinitionException;
import java.lang.reflect.Type;
import java.util.Locale;

/**
 * No converter for a field type. Raised where the field is declared and re-raised by every model
 * that nests it, each adding its field to the path: {@code Order.customer.address.geo}.
 */
final class MissingConverterException extends ModelDefinitionException {

    private static final long serialVersionUID = 1L;

    private final transient Class<?> root;

    /** Java field names below the root, dot-separated. */
    private final String path;

    private final String missingType;

    private final String advice;

    /**
     * @param builtInsPresent whether the built-in converters ({@code dynamorm-converters}) were
     *     found: without them even {@code String} has no converter, and the advice names the
     *     missing artifact instead of suggesting a converter of one's own
     */
    MissingConverterException(Class<?> root, String path, Type missing, boolean builtInsPresent) {
        this(
                root,
                path,
                missing.getTypeName(),
                builtInsPresent
                        ? "register a ConverterProvider for this type, or annotate the field with"
                                + " @Convert"
                        : "the built-in converters are missing: add the dev.dynamorm:"
                                + "dynamorm-converters artifact to the runtime dependencies (it"
                                + " is managed by dynamorm-bom; on the module path also resolve"
                                + " it, e.g. --add-modules dev.dynamorm.converters)");
    }

    private MissingConverterException(
            Class<?> root, String path, String missingType, String advice) {
        super(
                String.format(
                        Locale.ROOT,
                        "model %s: %s.%s: no converter for %s (%s)",
                        root.getName(),
                        root.getSimpleName(),
                        path,
                        missingType,
                        advice),
                root);
        this.root = root;
        this.path = path;
        this.missingType = missingType;
        this.advice = advice;
    }

    /** The same failure seen from the model that holds the nested type in {@code field}. */
    MissingConverterException nestedIn(Class<?> outer, String field) {
        return new MissingConverterException(outer, field + "." + path, missingType, advice);
    }

    Class<?> root() {
        return root;
    }

    String path() {
        return path;
    }
}
