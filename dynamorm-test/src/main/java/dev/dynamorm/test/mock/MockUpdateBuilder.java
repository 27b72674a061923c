package dev.dynamorm.test.mock;

import dev.dynamorm.Condition;
import dev.dynamorm.ReturnValue;
import dev.dynamorm.UpdateBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An {@link UpdateBuilder} that records its actions and conditions as call parts, so MockDB can
 * compare an update with an expected one.
 */
final class MockUpdateBuilder implements UpdateBuilder {

    private final List<MockCall.Part> actions = new ArrayList<>();
    private Condition condition;
    private ReturnValue returnValue = ReturnValue.NONE;
    private boolean upsert;

    /** The parts of the update a consumer describes. */
    static List<MockCall.Part> describe(Consumer<UpdateBuilder> update) {
        Objects.requireNonNull(update, "update");
        MockUpdateBuilder builder = new MockUpdateBuilder();
        update.accept(builder);
        return builder.parts();
    }

    List<MockCall.Part> parts() {
        List<MockCall.Part> parts = new ArrayList<>(actions);
        if (condition != null) {
            parts.add(new MockCall.Part("when", condition));
        }
        if (returnValue != ReturnValue.NONE) {
            parts.add(new MockCall.Part("returnValue", returnValue));
        }
        if (upsert) {
            parts.add(new MockCall.Part("upsert", true));
        }
        return parts;
    }

    /**
     * Null checks as the real builder makes them, so a test against the mock fails where production
     * would.
     */
    private static String field(String field) {
        return Objects.requireNonNull(field, "field");
    }

    private UpdateBuilder action(String name, Object... arguments) {
        actions.add(new MockCall.Part(name, Arrays.asList(arguments)));
        return this;
    }

    @Override
    public UpdateBuilder set(String field, Object value) {
        return action("set", field(field), value);
    }

    @Override
    public UpdateBuilder setIfNotExists(String field, Object value) {
        return action("setIfNotExists", field(field), Objects.requireNonNull(value, "value"));
    }

    @Override
    public UpdateBuilder add(String field, Object value) {
        return action("add", field(field), Objects.requireNonNull(value, "value"));
    }

    @Override
    public UpdateBuilder increment(String field, Number amount) {
        return action("increment", field(field), Objects.requireNonNull(amount, "amount"));
    }

    @Override
    public UpdateBuilder decrement(String field, Number amount) {
        return action("decrement", field(field), Objects.requireNonNull(amount, "amount"));
    }

    @Override
    public UpdateBuilder remove(String field) {
        return action("remove", field(field));
    }

    @Override
    public UpdateBuilder delete(String field, Object members) {
        return action("delete", field(field), Objects.requireNonNull(members, "members"));
    }

    @Override
    public UpdateBuilder appendToList(String field, Object values) {
        return action("appendToList", field(field), Objects.requireNonNull(values, "values"));
    }

    @Override
    public UpdateBuilder prependToList(String field, Object values) {
        return action("prependToList", field(field), Objects.requireNonNull(values, "values"));
    }

    @Override
    public UpdateBuilder removeFromList(String field, int index) {
        return action("removeFromList", field(field), index);
    }

    @Override
    public UpdateBuilder setListElement(String field, int index, Object value) {
        return action("setListElement", field(field), index, value);
    }

    @Override
    public UpdateBuilder when(Condition c) {
        Objects.requireNonNull(c, "condition");
        condition = condition == null ? c : condition.and(c);
        return this;
    }

    @Override
    public UpdateBuilder or(Condition c) {
        Objects.requireNonNull(c, "condition");
        if (condition == null) {
            throw new IllegalStateException(
                    "or(...) combines with the conditions given before it, but there are "
                            + "none: start with when(...)");
        }
        condition = condition.or(c);
        return this;
    }

    @Override
    public UpdateBuilder returnValue(ReturnValue value) {
        this.returnValue = Objects.requireNonNull(value, "returnValue");
        return this;
    }

    @Override
    public UpdateBuilder upsert() {
        this.upsert = true;
        return this;
    }

    /** Accepted and ignored: the MockDB loses no answer, so there is nothing to send twice. */
    @Override
    public UpdateBuilder idempotent() {
        return this;
    }
}
