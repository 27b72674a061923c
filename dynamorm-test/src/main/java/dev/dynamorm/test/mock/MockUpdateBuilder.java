package dev.dynamorm.test.mock;

import dev.dynamorm.Condition;
import dev.dynamorm.Operation;
import dev.dynamorm.ReturnValue;
import dev.dynamorm.UpdateBuilder;
import dev.dynamorm.internal.UpdateRecorder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The update builder of {@link MockDB}: records actions and conditions exactly as the engine's
 * builder does (both are an {@link UpdateRecorder}, so null checks and condition combining are the
 * same), then describes them as call parts with their values typed as the engine binds them, so
 * MockDB can compare an update with an expected one. {@code idempotent()} is recorded and ignored:
 * the MockDB loses no answer, so there is nothing to send twice.
 */
final class MockUpdateBuilder extends UpdateRecorder {

    private final TypedValues values;
    private final Class<?> model;
    private final Operation operation;

    /** A builder that records values as given (no model to type them by). */
    MockUpdateBuilder() {
        this(null, null, null);
    }

    /**
     * A builder that types the values set and the conditions of a model as the engine does.
     *
     * @param values the rule, or null to record values as given
     * @param model the model updated
     * @param operation the operation named in refusals
     */
    MockUpdateBuilder(TypedValues values, Class<?> model, Operation operation) {
        this.values = values;
        this.model = model;
        this.operation = operation;
    }

    /** The parts of the update a consumer describes, values typed for the model. */
    static List<MockCall.Part> describe(
            TypedValues values,
            Class<?> model,
            Operation operation,
            Consumer<UpdateBuilder> update) {
        Objects.requireNonNull(update, "update");
        MockUpdateBuilder builder = new MockUpdateBuilder(values, model, operation);
        update.accept(builder);
        return builder.parts();
    }

    List<MockCall.Part> parts() {
        List<MockCall.Part> parts = new ArrayList<>();
        for (Action a : actions()) {
            parts.add(part(a));
        }
        if (condition() != null) {
            Condition c = condition();
            parts.add(
                    new MockCall.Part(
                            "when", values == null ? c : values.condition(model, operation, c)));
        }
        if (returnValue() != ReturnValue.NONE) {
            parts.add(new MockCall.Part("returnValue", returnValue()));
        }
        if (isUpsert()) {
            parts.add(new MockCall.Part("upsert", true));
        }
        return parts;
    }

    /** An action as MockDB shows it: the builder method's name and its arguments. */
    private MockCall.Part part(Action a) {
        String field = a.field();
        return switch (a.kind()) {
            case SET -> part("set", field, typed(field, a.value()));
            case SET_IF_NOT_EXISTS -> part("setIfNotExists", field, typed(field, a.value()));
            case ADD -> part("add", field, a.value());
            case INCREMENT -> part(a.negate() ? "decrement" : "increment", field, a.value());
            case REMOVE -> part("remove", field);
            case DELETE -> part("delete", field, a.value());
            case APPEND -> part("appendToList", field, a.value());
            case PREPEND -> part("prependToList", field, a.value());
            case REMOVE_AT -> part("removeFromList", field, a.index());
            case SET_AT ->
                    part(
                            "setListElement",
                            field,
                            a.index(),
                            values == null || a.index() < 0
                                    ? a.value()
                                    : values.listElement(
                                            model, operation, field, a.index(), a.value()));
        };
    }

    private static MockCall.Part part(String name, Object... arguments) {
        return new MockCall.Part(name, Arrays.asList(arguments));
    }

    private Object typed(String field, Object value) {
        return values == null ? value : values.fieldValue(model, operation, field, value);
    }
}
