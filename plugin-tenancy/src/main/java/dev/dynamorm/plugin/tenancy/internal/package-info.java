/** Implementation of the tenancy plugin; not exported, unsupported. */
package dev.dynamorm.plugin.tenancy.internal;
