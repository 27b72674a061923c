package dev.dynamorm;

/** Which attributes a write returns, as DynamoDB's {@code ReturnValues}. */
public enum ReturnValue {
    /** Nothing. */
    NONE,
    /** The whole item as it was before the write. */
    ALL_OLD,
    /** The updated attributes as they were before the write (update only). */
    UPDATED_OLD,
    /** The whole item as it is after the write (update only). */
    ALL_NEW,
    /** The updated attributes as they are after the write (update only). */
    UPDATED_NEW
}
