/**
 * Key rotation: {@link dev.dynamorm.plugin.encryption.rotation.Reencryption} rewrites the stored
 * envelopes of a table under the active key. Depends on the plugin's configuration package and its
 * implementation, neither of which depends on it.
 */
package dev.dynamorm.plugin.encryption.rotation;
