package dev.dynamorm.engine.internal;

import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The check of two models registered on one table: they must agree on which attributes are
 * encrypted, since an attribute one encrypts and the other maps in plaintext would be stored
 * unencrypted by the second. The engine keeps the models per table itself and calls this only when
 * a table gets its second model: an engine whose tables each map one model never loads this class.
 */
final class TableModels {

    private TableModels() {}

    /**
     * Checks a model registered on a table against one registered there earlier.
     *
     * @throws ModelDefinitionException when they disagree on an encrypted attribute
     */
    static void check(String table, ModelMetadata<?> first, ModelMetadata<?> second) {
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
