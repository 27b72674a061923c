package dev.dynamorm.it.model.templates;

import dev.dynamorm.annotations.Discriminator;
import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.KeyRole;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;

/**
 * An access entry of a document: {@code SK = DOC#<docId>#ACL#<user>}, so a crafted document id such
 * as {@code d1#ACL#bob} would reach it without escaping. {@code GSI1} lists a user's entries.
 */
@Discriminator("ACL")
@PartitionKey(template = "TENANT#{tenant}")
@SortKey(template = "DOC#{docId}#ACL#{user}")
@IndexKey(index = "GSI1", template = "USER#{user}")
@IndexKey(index = "GSI1", role = KeyRole.SORT, template = "TENANT#{tenant}#DOC#{docId}")
public record LibAcl(String tenant, String docId, String user, String right) implements Library {}
