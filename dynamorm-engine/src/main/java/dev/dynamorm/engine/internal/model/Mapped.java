package dev.dynamorm.engine.internal.model;

import dev.dynamorm.Converter;

/** A validated property, ready to become a {@link ReflectiveField}. */
record Mapped(
        Property property,
        Mapping mapping,
        String attributeName,
        Converter<Object> converter,
        int slot) {
    String name() {
        return property.name;
    }

    /** Whether both are the same property (a record's equals would compare every component). */
    // one Mapped per mapped property, so identity is the intended comparison (as in byMapped)
    @SuppressWarnings("ReferenceEquality")
    static boolean same(Mapped a, Mapped b) {
        return a == b;
    }
}
