/** Implementation of the audit plugin; not exported, unsupported. */
package dev.dynamorm.plugin.audit.internal;
