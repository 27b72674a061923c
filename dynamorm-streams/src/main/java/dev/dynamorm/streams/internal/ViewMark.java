package dev.dynamorm.streams.internal;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;

/**
 * The last change of one source item applied to one materialized view, in the {@code
 * dynamorm_view_marks} table: a change whose sequence number is not above it was applied already.
 *
 * @param view the view's name
 * @param source the source item's key
 * @param sequence the sequence number, zero-padded to 48 digits so that strings compare as numbers
 */
@DynamoTable("dynamorm_view_marks")
public record ViewMark(@PartitionKey String view, @SortKey String source, String sequence) {}
