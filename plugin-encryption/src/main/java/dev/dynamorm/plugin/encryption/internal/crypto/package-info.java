/**
 * The AES-256-GCM primitive the key providers of the exported package and the envelopes of the
 * implementation share; depends on nothing else in the plugin. Not exported, unsupported.
 */
package dev.dynamorm.plugin.encryption.internal.crypto;
