package dev.dynamorm.plugin.tenancy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the field holding the tenant an item belongs to: a {@code String}, or any type its
 * converter stores as a string or a number ({@code UUID}, an enum, {@code long}...), the tenant id
 * being read by that converter as if stored. With the tenancy plugin installed, every read and
 * write of the model is bound to the current tenant ({@link TenantProvider}). Best as the partition
 * key (or the sort key): then every lookup, query, batch and transaction is checked by key before
 * anything is sent. As a plain field, queries and scans filter on it, reads are checked,
 * single-item writes are conditioned on it (an update, upserts included, also sets it), and batch
 * and transactional writes are refused (DynamoDB cannot condition a batch write).
 *
 * <pre>{@code
 * @DynamoTable("invoices")
 * record Invoice(@PartitionKey @TenantId String tenant, @SortKey String id, long cents) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface TenantId {}
