/** Implementation of the encryption plugin; not exported, unsupported. */
package dev.dynamorm.plugin.encryption.internal;
