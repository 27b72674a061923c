package dev.dynamorm;

/** The direction of a query over a sort key. */
public enum SortOrder {
    /** Ascending sort-key order (DynamoDB's {@code ScanIndexForward = true}); the default. */
    ASC,
    /** Descending sort-key order ({@code ScanIndexForward = false}). */
    DESC
}
