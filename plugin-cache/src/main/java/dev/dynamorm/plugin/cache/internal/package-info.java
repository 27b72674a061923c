/** Implementation of the cache plugin; not exported, unsupported. */
package dev.dynamorm.plugin.cache.internal;
