package dev.dynamorm.engine.internal.expr;

/**
 * Where a compiled condition puts its placeholders: a query plan records each value as a {@link
 * Slot} bound per call, a write binds it at once.
 */
public interface Placeholders {

    /**
     * Returns the placeholder for an attribute name.
     *
     * @param attributeName the attribute name on the wire
     * @return its {@code #nK} placeholder
     */
    String name(String attributeName);

    /**
     * Returns the text of a path the condition reads; records that read where the placeholders
     * track them.
     *
     * @param path the resolved path
     * @return its text with name placeholders, e.g. {@code #n0.#n1[2]}
     */
    default String path(AttributePath path) {
        return path.render(this);
    }

    /**
     * Returns the placeholder for one value operand.
     *
     * @param slot how the operand is bound
     * @param value the operand the caller gave (ignored by cached plans, which bind per call)
     * @return its {@code :vK} placeholder
     */
    String value(Slot slot, Object value);
}
