package dev.dynamorm.engine.internal.expr;

import dev.dynamorm.engine.internal.model.FieldMetadata;

/**
 * How one {@code :vK} placeholder of a compiled plan takes its value from a query's values.
 *
 * @param valueIndex the index in the query's flattened values (see {@code QueryCompiler#values})
 * @param mode how the value is converted
 * @param field the field whose converter binds it (for {@link Mode#FIELD})
 * @param javaPath the Java path, for messages
 * @param rangeHigh true when this is the upper bound of the previous slot (checked low &lt;= high)
 */
public record Slot(
        int valueIndex, Mode mode, FieldMetadata field, String javaPath, boolean rangeHigh) {

    /** How a value is converted. */
    public enum Mode {
        /** Through the field's converter. */
        FIELD,
        /** By the value's own type (list elements, set members). */
        ELEMENT,
        /** A number compared with {@code size(path)}. */
        SIZE,
        /** An attribute type name for {@code attribute_type}. */
        TYPE
    }
}
