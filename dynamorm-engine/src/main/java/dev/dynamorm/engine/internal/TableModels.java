package dev.dynamorm.engine.internal;

import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The models registered per table of one engine. Two models of one table must agree on which
 * attributes are encrypted: an attribute one encrypts and the other maps in plaintext would be
 * stored unencrypted by the second. Thread-safe.
 */
final class TableModels {

    /** Guarded by {@code this}. */
    private final Map<String, List<ModelMetadata<?>>> byTable = new HashMap<>();

    /**
     * Registers a model of a table.
     *
     * @throws ModelDefinitionException when it disagrees with a model registered earlier on an
     *     encrypted attribute
     */
    // a lock rather than ConcurrentMap.compute with a lambda: registration spins no hidden class
    synchronized void register(String table, ModelMetadata<?> model) {
        List<ModelMetadata<?>> models = byTable.get(table);
        if (models == null) {
            models = new ArrayList<>(2);
            byTable.put(table, models);
        }
        for (ModelMetadata<?> other : models) {
            check(table, other, model);
        }
        models.add(model);
    }

    private static void check(String table, ModelMetadata<?> first, ModelMetadata<?> second) {
        if (first.encryptedFields().isEmpty() && second.encryptedFields().isEmpty()) {
            // nothing either model encrypts, so nothing to disagree on: the common case of several
            // models on one table costs no attribute sets per registration
            return;
        }
        Set<String> firstEncrypted = encrypted(first);
        Set<String> secondEncrypted = encrypted(second);
        Set<String> plainInSecond = new TreeSet<>(firstEncrypted);
        plainInSecond.removeAll(secondEncrypted);
        plainInSecond.retainAll(attributes(second));
        Set<String> plainInFirst = new TreeSet<>(secondEncrypted);
        plainInFirst.removeAll(firstEncrypted);
        plainInFirst.retainAll(attributes(first));
        if (plainInSecond.isEmpty() && plainInFirst.isEmpty()) {
            return;
        }
        ModelMetadata<?> plain = plainInSecond.isEmpty() ? first : second;
        ModelMetadata<?> sealed = plain == first ? second : first;
        Set<String> attributes = plainInSecond.isEmpty() ? plainInFirst : plainInSecond;
        throw new ModelDefinitionException(
                String.format(
                        Locale.ROOT,
                        "models %s and %s both map table '%s' but disagree on encrypted attributes: %s encrypts %s, "
                                + "which %s would store in plaintext; mark the same fields @Encrypted in both models "
                                + "(or leave them out of %s)",
                        first.type().getName(),
                        second.type().getName(),
                        table,
                        sealed.type().getSimpleName(),
                        attributes,
                        plain.type().getSimpleName(),
                        plain.type().getSimpleName()),
                second.type());
    }

    private static Set<String> encrypted(ModelMetadata<?> model) {
        return attributeNames(model.encryptedFields());
    }

    private static Set<String> attributes(ModelMetadata<?> model) {
        return attributeNames(model.fields());
    }

    private static Set<String> attributeNames(List<? extends FieldMetadata> fields) {
        Set<String> names = new HashSet<>();
        for (FieldMetadata f : fields) {
            names.add(f.attributeName());
        }
        return names;
    }
}
