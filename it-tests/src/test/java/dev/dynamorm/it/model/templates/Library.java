package dev.dynamorm.it.model.templates;

import dev.dynamorm.annotations.DynamoTable;

/**
 * An entity family keyed by templates (issue 17.2): documents, their access entries and their
 * readers' bookmarks in one table; an overloaded index {@code GSI1} finds everything about one
 * reader.
 */
@DynamoTable("library")
public sealed interface Library permits LibDoc, LibAcl {

    /** The tenant every member belongs to. */
    String tenant();
}
