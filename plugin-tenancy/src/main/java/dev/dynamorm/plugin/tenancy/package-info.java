/**
 * The DynamORM tenancy plugin's annotation ({@link dev.dynamorm.plugin.tenancy.TenantId}),
 * configuration ({@link dev.dynamorm.plugin.tenancy.TenancyConfig}), tenant SPI ({@link
 * dev.dynamorm.plugin.tenancy.TenantProvider}) and exception ({@link
 * dev.dynamorm.plugin.tenancy.TenancyException}).
 *
 * <p>For a model with a {@code @TenantId} field, every query and scan gets the condition {@code
 * tenant = current} (a key condition when the field is the partition key, else a filter), every key
 * lookup and every item read is checked, every written item is stamped with the tenant, and every
 * single-item write is conditioned on it. Models without the annotation are untouched.
 */
package dev.dynamorm.plugin.tenancy;
