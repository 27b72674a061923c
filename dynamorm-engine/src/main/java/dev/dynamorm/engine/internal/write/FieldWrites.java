package dev.dynamorm.engine.internal.write;

import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.UnknownFieldException;
import dev.dynamorm.engine.internal.expr.AttributePath;
import dev.dynamorm.engine.internal.expr.UpdateWrites;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.KeyTemplates;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The attributes an update of whole fields (chosen fields, or the changes between two instances)
 * writes, collected while its SET and REMOVE clauses are built. One per update, not thread-safe.
 */
final class FieldWrites {

    final Set<String> changed = new LinkedHashSet<>();
    private final Map<String, String> assigned = new LinkedHashMap<>();

    /** Adds {@code name = value} to the SET clause and records the assignment. */
    void assign(StringJoiner set, String attributeName, String name, String value) {
        set.add(name + " = " + value);
        changed.add(attributeName);
        assigned.put(attributeName, value);
    }

    /** What the update writes, with its SET and REMOVE clauses (actions without keywords). */
    UpdateWrites toWrites(StringJoiner set, StringJoiner remove) {
        return UpdateWrites.of(changed, assigned, set.toString(), remove.toString(), "", "");
    }

    /**
     * The fields an update of whole fields writes: the named ones (derived index keys added), or
     * every non-key, non-managed field when none is named.
     *
     * @throws UnknownFieldException for a name the model does not map
     * @throws InvalidRequestException for a key field or the {@code @Version} field
     */
    static List<FieldMetadata> chosen(ModelMetadata<?> model, String[] fields) {
        List<FieldMetadata> chosen = new ArrayList<>();
        if (fields == null || fields.length == 0) {
            for (FieldMetadata f : model.fields()) {
                if (!f.isPartitionKey()
                        && !f.isSortKey()
                        && !f.isVersion()
                        && !f.isCreatedAt()
                        && !f.isUpdatedAt()) {
                    chosen.add(f);
                }
            }
            return chosen;
        }
        for (String name : fields) {
            FieldMetadata f = model.field(name);
            if (f == null) {
                AttributePath.resolve(model, name, Operation.UPDATE); // throws with a suggestion
                throw new UnknownFieldException(
                        "unknown field '" + name + "' in model " + model.type().getName(),
                        Operation.UPDATE,
                        model.type(),
                        name);
            }
            if (f.isPartitionKey() || f.isSortKey()) {
                throw new InvalidRequestException(
                        String.format(
                                Locale.ROOT,
                                "cannot update key field '%s' of model %s: the key identifies the item (delete it and "
                                        + "create a new one instead)",
                                name,
                                model.type().getName()),
                        Operation.UPDATE,
                        model.type(),
                        null);
            }
            if (f.isVersion()) {
                throw managedVersion(model, name);
            }
            if (f.isUpdatedAt()) {
                continue; // always set from the clock
            }
            if (!chosen.contains(f)) {
                chosen.add(f);
            }
        }
        KeyTemplates.addDerivedKeys(model, chosen);
        return chosen;
    }

    private static InvalidRequestException managedVersion(ModelMetadata<?> model, String name) {
        return new InvalidRequestException(
                String.format(
                        Locale.ROOT,
                        "field '%s' of model %s is the @Version counter, which DynamORM checks and increments on every "
                                + "write: do not write it yourself",
                        name,
                        model.type().getName()),
                Operation.UPDATE,
                model.type(),
                null);
    }
}
