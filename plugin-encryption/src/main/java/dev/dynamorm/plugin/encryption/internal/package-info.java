/**
 * Implementation of the encryption plugin; not exported, unsupported.
 *
 * <p><b>Package dependencies.</b> They point one way (checked by {@code PackageCyclesTest}): this
 * package implements the exported API ({@code KeyProvider}, {@code EncryptionConfig}, {@code
 * DecryptionFailedException}) and depends on it; the exported package never reaches back. The
 * AES-GCM primitive both use sits below them in {@code internal.crypto}, and {@code Reencryption}
 * (in the exported {@code rotation} package, above this one) runs {@code Reencryptor}, which
 * answers its own {@code Counts}.
 */
package dev.dynamorm.plugin.encryption.internal;
