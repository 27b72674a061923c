package dev.dynamorm.it.model.templates;

import dev.dynamorm.annotations.Discriminator;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;

/** A document: {@code PK = TENANT#<tenant>}, {@code SK = DOC#<docId>}. */
@Discriminator("DOC")
@PartitionKey(template = "TENANT#{tenant}")
@SortKey(template = "DOC#{docId}")
public record LibDoc(String tenant, String docId, String title) implements Library {}
