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

    MissingConverterException(Class<?> root, String path, Type missing) {
        this(root, path, missing.getTypeName());
    }

    private MissingConverterException(Class<?> root, String path, String missingType) {
        super(
                String.format(
                        Locale.ROOT,
                        "model %s: %s.%s: no converter for %s (register a ConverterProvider for "
                                + "this type, or annotate the field with @Convert)",
                        root.getName(),
                        root.getSimpleName(),
                        path,
                        missingType),
                root);
        this.root = root;
        this.path = path;
        this.missingType = missingType;
    }

    /** The same failure seen from the model that holds the nested type in {@code field}. */
    MissingConverterException nestedIn(Class<?> outer, String field) {
        return new MissingConverterException(outer, field + "." + path, missingType);
    }

    Class<?> root() {
        return root;
    }

    String path() {
        return path;
    }
}
