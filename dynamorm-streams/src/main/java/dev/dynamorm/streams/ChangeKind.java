package dev.dynamorm.streams;

/** What a change did to an item, as DynamoDB Streams names it ({@code eventName}). */
public enum ChangeKind {
    /** A new item was written. */
    INSERT,
    /** An existing item was changed (or replaced). */
    MODIFY,
    /** An item was deleted, by a request or by time-to-live expiry. */
    REMOVE
}
