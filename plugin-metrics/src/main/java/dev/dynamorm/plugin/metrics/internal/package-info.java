/** Implementation of the metrics plugin; not exported, unsupported. */
package dev.dynamorm.plugin.metrics.internal;
