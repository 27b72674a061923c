package dev.dynamorm.engine.internal.write;

import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Key;
import dev.dynamorm.Operation;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import java.util.Locale;

/** Checks a user's {@link Key} against the model's key shape before it is converted. */
final class KeyArguments {

    private KeyArguments() {}

    /** Refuses a null key, a missing sort key, and a sort key the model does not have. */
    static void requireShape(Key key, ModelMetadata<?> model, Operation op) {
        if (key == null) {
            throw new InvalidRequestException(
                    "null key for model " + model.type().getName(), op, model.type(), null);
        }
        if (key.sortKey() == null && model.sortKey().isPresent()) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "key %s of model %s lacks the sort key '%s': use Key.of(partitionKey, sortKey)",
                            key,
                            model.type().getName(),
                            model.sortKey().get().name()),
                    op,
                    model.type(),
                    null);
        }
        if (key.sortKey() != null && model.sortKey().isEmpty()) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "key %s of model %s has a sort key but the model has none: use Key.of(partitionKey)",
                            key,
                            model.type().getName()),
                    op,
                    model.type(),
                    null);
        }
    }
}
