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

    /**
     * Identity, as for {@link #same}: index building keys maps by {@code Mapped}, and a record's
     * generated {@code equals}/{@code hashCode} are linked through {@code ObjectMethods} at their
     * first call, spinning about a hundred method-handle classes (issue 16: it made registering a
     * model with indexes 20 ms slower).
     */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** Whether both are the same property (a record's equals would compare every component). */
    // one Mapped per mapped property, so identity is the intended comparison (as in byMapped)
    @SuppressWarnings("ReferenceEquality")
    static boolean same(Mapped a, Mapped b) {
        return a == b;
    }
}
