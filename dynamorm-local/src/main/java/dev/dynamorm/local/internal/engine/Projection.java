package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.wire.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Projection} of an index (secondary or vector) as a request gives it, validated with
 * DynamoDB's messages.
 */
record Projection(String type, List<String> nonKey) {

    /** Reads and checks {@code r.Projection}. */
    static Projection of(Request r) {
        Request projection = r.object("Projection");
        if (projection == null) {
            throw DynamoException.validation(
                    "1 validation error detected: Value null at 'projection' failed to satisfy constraint: Member must not be null");
        }
        String type = projection.string("ProjectionType", "KEYS_ONLY");
        List<String> nonKey = new ArrayList<>();
        List<Object> nk = projection.list("NonKeyAttributes");
        if (nk != null) {
            for (Object o : nk) {
                nonKey.add((String) o);
            }
        }
        switch (type) {
            case "INCLUDE" -> {
                if (nonKey.isEmpty()) {
                    throw DynamoException.validation(
                            "One or more parameter values were invalid: ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
                }
            }
            case "ALL", "KEYS_ONLY" -> {
                if (nk != null) {
                    throw DynamoException.validation(
                            "One or more parameter values were invalid: ProjectionType is "
                                    + type
                                    + ", but NonKeyAttributes is specified");
                }
            }
            default ->
                    throw DynamoException.validation(
                            "1 validation error detected: Value '"
                                    + type
                                    + "' at 'projection.projectionType' failed to satisfy constraint: Member must satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]");
        }
        return new Projection(type, List.copyOf(nonKey));
    }
}
