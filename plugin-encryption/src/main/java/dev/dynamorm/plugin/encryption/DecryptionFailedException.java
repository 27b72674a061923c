package dev.dynamorm.plugin.encryption;

import dev.dynamorm.DynamORMException;
import dev.dynamorm.Operation;
import java.util.Objects;
import java.util.Optional;

/**
 * An encrypted attribute could not be decrypted: its key is unavailable, its envelope was altered
 * (or moved to another item, attribute or table), or it is not an envelope at all. The read fails
 * with this exception; it never yields garbage or ciphertext in place of the value.
 */
public final class DecryptionFailedException extends DynamORMException {

    private static final long serialVersionUID = 1L;

    /** Why a value could not be decrypted. */
    public enum Reason {
        /**
         * The key is not available: no key provider is configured, the envelope names a key id the
         * provider does not have, or the provider (e.g. KMS) could not be reached.
         */
        KEY_UNAVAILABLE,
        /**
         * Authentication failed: the envelope, its encrypted data key, or the table, key or
         * attribute it is bound to differ from what was encrypted.
         */
        TAMPERED,
        /**
         * The stored value is not an envelope this plugin can read (wrong type, version or length).
         */
        MALFORMED
    }

    private final Reason reason;
    private final String tableName;
    private final String attribute;
    private final String keyId;

    /**
     * An exception a {@link KeyProvider} throws when it cannot decrypt a data key.
     *
     * @param message what went wrong, lower case, naming the key id
     * @param reason {@link Reason#KEY_UNAVAILABLE} or {@link Reason#TAMPERED}
     * @param cause the underlying failure, or null
     */
    public DecryptionFailedException(String message, Reason reason, Throwable cause) {
        this(message, reason, null, null, null, null, null, false, cause);
    }

    /**
     * An exception naming the value that could not be decrypted.
     *
     * @param message what went wrong, naming the table, key and attribute and how to fix it
     * @param reason why
     * @param operation the operation reading the value, or null
     * @param modelType the model, or null
     * @param tableName the physical table name, or null
     * @param attribute the attribute name, or null
     * @param keyId the key id the envelope names, or null
     * @param retryable whether reading again may succeed (the key provider was unreachable)
     * @param cause the underlying failure, or null
     */
    public DecryptionFailedException(
            String message,
            Reason reason,
            Operation operation,
            Class<?> modelType,
            String tableName,
            String attribute,
            String keyId,
            boolean retryable,
            Throwable cause) {
        super(message, operation, modelType, retryable, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.tableName = tableName;
        this.attribute = attribute;
        this.keyId = keyId;
    }

    /**
     * Why the value could not be decrypted.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * The physical table the value was read from.
     *
     * @return the table name, or empty when unknown
     */
    public Optional<String> tableName() {
        return Optional.ofNullable(tableName);
    }

    /**
     * The attribute holding the value.
     *
     * @return the attribute name, or empty when unknown
     */
    public Optional<String> attribute() {
        return Optional.ofNullable(attribute);
    }

    /**
     * The key id the envelope names.
     *
     * @return the key id, or empty when unknown (the envelope could not be parsed)
     */
    public Optional<String> keyId() {
        return Optional.ofNullable(keyId);
    }
}
