/**
 * Implementation of the encryption plugin; not exported, unsupported.
 *
 * <p><b>Package dependencies.</b> This package and the exported {@code
 * dev.dynamorm.plugin.encryption} depend on each other, on purpose. This package implements the
 * exported API ({@code KeyProvider}, {@code EncryptionConfig}, {@code DecryptionFailedException},
 * {@code Reencryption.Result}); the exported package reaches two things here: the key providers
 * ({@code LocalKeyring}, {@code KmsKeyProvider}) wrap data keys with {@code Aead}, the one AES-GCM
 * primitive the envelopes also use, and {@code Reencryption}'s static entry points run {@code
 * Reencryptor}, which needs the plugin instance of a {@code DynamORM}. Breaking the cycle would
 * take public types (an exported {@code Aead} or a reencryption SPI with its own result type) or
 * the implementation moved into the exported package; neither is worth new public API. The cycle
 * stays inside this module, whose only exported package is its API, so users see no cycle.
 */
package dev.dynamorm.plugin.encryption.internal;
