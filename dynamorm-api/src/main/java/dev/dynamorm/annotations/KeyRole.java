package dev.dynamorm.annotations;

/** The role of an attribute in a key. */
public enum KeyRole {
    /** The partition (hash) key. */
    PARTITION,
    /** The sort (range) key. */
    SORT
}
