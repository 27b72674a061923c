package dev.dynamorm.it.model.templates;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.KeyRole;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import java.time.Instant;

/**
 * A single model keyed by templates with number fields: {@code SK =
 * INVOICE#<year>#<month>#<number>}; {@code GSI1} finds an invoice by its number across tenants,
 * with custom attribute names.
 */
@DynamoTable("invoices")
@PartitionKey(attribute = "pk", template = "TENANT#{tenant}")
@SortKey(attribute = "sk", template = "INVOICE#{year}#{month}#{number}")
@IndexKey(index = "by-number", attribute = "gpk", template = "NUMBER#{number}")
@IndexKey(
        index = "by-number",
        role = KeyRole.SORT,
        attribute = "gsk",
        template = "ISSUED#{issuedAt}")
public record Invoice(
        String tenant, int year, int month, long number, Instant issuedAt, long totalCents) {}
