/** Multi-tenancy with plugin-tenancy: every item and request scoped to the current tenant. */
package dev.dynamorm.examples.tenancy;
