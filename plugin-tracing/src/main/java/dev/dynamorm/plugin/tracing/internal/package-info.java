/** Implementation of the tracing plugin; not exported, unsupported. */
package dev.dynamorm.plugin.tracing.internal;
