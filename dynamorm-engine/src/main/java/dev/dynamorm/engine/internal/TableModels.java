package dev.dynamorm.engine.internal;

import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * The models registered per table of one engine. Two models of one table must agree on which
 * attributes are encrypted: an attribute one encrypts and the other maps in plaintext would be
 * stored unencrypted by the second. Thread-safe.
 */
final class TableModels {

    private final ConcurrentMap<String, List<ModelMetadata<?>>> byTable = new ConcurrentHashMap<>();

    /**
     * Registers a model of a table.
     *
     * @throws ModelDefinitionException when it disagrees with a model registered earlier on an
     *     encrypted attribute
     */
    void register(String table, ModelMetadata<?> model) {
        byTable.compute(
                table,
                (name, models) -> {
                    List<ModelMetadata<?>> out = models == null ? new ArrayList<>() : models;
                    for (ModelMetadata<?> other : out) {
                        check(name, other, model);
                    }
                    out.add(model);
                    return out;
                });
    }

    private static void check(String table, ModelMetadata<?> first, ModelMetadata<?> second) {
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
        return model.encryptedFields().stream()
                .map(FieldMetadata::attributeName)
                .collect(Collectors.toSet());
    }

    private static Set<String> attributes(ModelMetadata<?> model) {
        return model.fields().stream()
                .map(FieldMetadata::attributeName)
                .collect(Collectors.toSet());
    }
}
