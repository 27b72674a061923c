package dev.dynamorm;

import java.lang.reflect.Type;
import java.util.Locale;

/**
 * A model field has a type no converter handles. Raised where the field is declared and re-raised
 * by every model that nests it, each adding its field to the path: {@code
 * Order.customer.address.geo}. The message says what to do: register a {@code ConverterProvider},
 * annotate the field with {@code @Convert}, or add the missing {@code dynamorm-converters}
 * artifact.
 */
public final class MissingConverterException extends ModelDefinitionException {

    private static final long serialVersionUID = 1L;

    private final transient Class<?> root;

    /** Java field names below the root, dot-separated. */
    private final String path;

    private final String missingType;

    private final String advice;

    /**
     * Creates the exception for a field of a model.
     *
     * @param root the model class declaring the field
     * @param path the field's Java name
     * @param missing the type no converter handles
     * @param builtInsPresent whether the built-in converters ({@code dynamorm-converters}) were
     *     found: without them even {@code String} has no converter, and the advice names the
     *     missing artifact instead of suggesting a converter of one's own
     */
    public MissingConverterException(
            Class<?> root, String path, Type missing, boolean builtInsPresent) {
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

    /**
     * The same failure seen from the model that holds the nested type in a field.
     *
     * @param outer the model class holding the nested type
     * @param field the field of {@code outer} holding it
     * @return the failure with {@code field} prepended to the path
     */
    public MissingConverterException nestedIn(Class<?> outer, String field) {
        return new MissingConverterException(outer, field + "." + path, missingType, advice);
    }

    /**
     * The model class the path starts at.
     *
     * @return the root model
     */
    public Class<?> root() {
        return root;
    }

    /**
     * The Java field path from the root model to the field, e.g. {@code customer.address.geo}.
     *
     * @return the path
     */
    public String path() {
        return path;
    }

    /**
     * The type no converter handles, as written in the source.
     *
     * @return the type name
     */
    public String missingType() {
        return missingType;
    }
}
