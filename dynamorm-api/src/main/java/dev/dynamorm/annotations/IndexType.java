package dev.dynamorm.annotations;

/** The kind of a secondary index. */
public enum IndexType {
    /** A global secondary index: its own partition key, eventually consistent. */
    GLOBAL,
    /** A local secondary index: the table's partition key with another sort key. */
    LOCAL
}
