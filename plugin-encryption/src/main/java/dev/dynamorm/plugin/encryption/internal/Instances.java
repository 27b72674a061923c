package dev.dynamorm.plugin.encryption.internal;

import dev.dynamorm.DynamORM;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Which encryption plugin belongs to which {@link DynamORM} instance, for {@code Reencryption}.
 * Both sides are held weakly (the instance holds its plugin), so nothing outlives its instance.
 */
final class Instances {

    private static final Map<DynamORM, WeakReference<EncryptionPlugin>> BY_INSTANCE =
            new WeakHashMap<>();

    private Instances() {}

    static synchronized void register(DynamORM db, EncryptionPlugin plugin) {
        if (db != null) {
            BY_INSTANCE.put(db, new WeakReference<>(plugin));
        }
    }

    static synchronized void unregister(DynamORM db, EncryptionPlugin plugin) {
        if (db != null) {
            WeakReference<EncryptionPlugin> ref = BY_INSTANCE.get(db);
            if (ref != null && ref.get() == plugin) {
                BY_INSTANCE.remove(db);
            }
        }
    }

    static synchronized EncryptionPlugin of(DynamORM db) {
        WeakReference<EncryptionPlugin> ref = BY_INSTANCE.get(db);
        return ref == null ? null : ref.get();
    }
}
