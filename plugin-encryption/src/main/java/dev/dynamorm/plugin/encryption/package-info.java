/**
 * Configuration and key provider SPI of the DynamORM encryption plugin.
 *
 * <p>With the plugin's jar on the path and a {@link dev.dynamorm.plugin.encryption.KeyProvider}
 * configured ({@link dev.dynamorm.plugin.encryption.EncryptionConfig}), every field annotated
 * {@code @Encrypted} is stored as a binary envelope: AES-256-GCM under a data key made for the item
 * write (a fresh nonce per value), the data key wrapped by the provider's active key, the
 * ciphertext bound to the table name, the item's primary key and the attribute name. Reads decrypt
 * it, or fail with {@link dev.dynamorm.plugin.encryption.DecryptionFailedException}. Any field type
 * can be encrypted; encrypted fields cannot be keys, index keys, or used in conditions, filters or
 * update arithmetic. After a key rotation, {@link
 * dev.dynamorm.plugin.encryption.rotation.Reencryption} rewrites stored values under the new key.
 *
 * <p>Without the plugin (or with it disabled), DynamORM refuses to read or write models with
 * encrypted fields at all. The module's README documents the envelope byte by byte and the threat
 * model.
 *
 * <p>The implementation lives in the non-exported {@code internal} package, which depends on this
 * one; this one depends only on the AES-GCM primitive in {@code internal.crypto}.
 */
package dev.dynamorm.plugin.encryption;
