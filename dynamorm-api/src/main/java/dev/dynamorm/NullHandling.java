package dev.dynamorm;

/** What an update from a model instance does with fields whose value is {@code null}. */
public enum NullHandling {
    /** Leave the stored attribute unchanged (the default). */
    SKIP,
    /** Remove the stored attribute. */
    REMOVE
}
