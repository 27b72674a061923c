package dev.dynamorm.plugin.encryption.rotation;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.plugin.encryption.DecryptionFailedException;
import dev.dynamorm.plugin.encryption.internal.Reencryptor;
import java.util.Objects;

/**
 * Rewrites the encrypted values of a table under the active key, after a key rotation: every item
 * whose envelopes name another key is decrypted and encrypted again under a fresh data key of the
 * active key, then written back with a conditional update that expects exactly the envelopes (and
 * {@code @Version}) it read, so a concurrent writer is never overwritten: on a conflict the item is
 * read again and handled anew. Only the encrypted attributes are written; the version is not
 * incremented (the values do not change). Items already under the active key are left alone, so a
 * run can be repeated or resumed. The writes go straight to DynamoDB, not through hooks (audit sees
 * no record of them).
 *
 * <pre>{@code
 * // keyring now holds k1 and k2, with k2 active
 * Reencryption.Result r = Reencryption.reencrypt(db, Customer.class);
 * // afterwards k1 can be removed from the keyring
 * }</pre>
 */
public final class Reencryption {

    private Reencryption() {}

    /**
     * What a reencryption did.
     *
     * @param tableName the physical table
     * @param scanned items read
     * @param rewritten items whose values were rewritten under the active key
     * @param alreadyCurrent items already under the active key (or without encrypted values)
     * @param conflicts conditional writes that found the item changed by another writer (it was
     *     then read again: rewritten, or found current)
     */
    public record Result(
            String tableName, long scanned, long rewritten, long alreadyCurrent, long conflicts) {}

    /**
     * Reencrypts the table of a model.
     *
     * @param db an instance with the encryption plugin installed and its key provider configured
     * @param modelType a table model with {@code @Encrypted} fields
     * @return what was done
     * @throws IllegalStateException if the encryption plugin is not installed in {@code db} or has
     *     no key provider
     * @throws IllegalArgumentException if the model is not a table model with encrypted fields
     * @throws DecryptionFailedException if an item cannot be decrypted (the items before it are
     *     done; fix the item or the keys and run again)
     * @throws dev.dynamorm.DynamORMException if DynamoDB fails
     */
    public static Result reencrypt(DynamORM db, Class<?> modelType) {
        Reencryptor.Counts c =
                Reencryptor.run(
                        Objects.requireNonNull(db, "db"),
                        Objects.requireNonNull(modelType, "modelType"));
        return new Result(
                c.tableName(), c.scanned(), c.rewritten(), c.alreadyCurrent(), c.conflicts());
    }

    /**
     * Reencrypts a table.
     *
     * @param db the instance the table belongs to
     * @param table the table
     * @return what was done
     * @throws IllegalStateException if the encryption plugin is not installed in {@code db} or has
     *     no key provider
     * @throws IllegalArgumentException if the table's model has no encrypted fields
     * @throws DecryptionFailedException if an item cannot be decrypted
     * @throws dev.dynamorm.DynamORMException if DynamoDB fails
     */
    public static Result reencrypt(DynamORM db, Table<?> table) {
        return reencrypt(db, Objects.requireNonNull(table, "table").modelType());
    }
}
