package dev.dynamorm.annotations;

/** Which attributes a secondary index holds besides its keys and the table's keys. */
public enum ProjectionType {
    /** Every attribute. */
    ALL,
    /** Only the index and table keys. */
    KEYS_ONLY,
    /** The keys plus the attributes named in {@link IndexKey#include()}. */
    INCLUDE
}
