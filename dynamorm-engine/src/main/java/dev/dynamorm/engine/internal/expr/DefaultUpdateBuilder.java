package dev.dynamorm.engine.internal.expr;

import dev.dynamorm.Condition;
import dev.dynamorm.ReturnValue;
import dev.dynamorm.UpdateBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Records the actions and conditions a user gives to {@link UpdateBuilder}; {@link UpdateCompiler}
 * checks and compiles them against the model just before sending.
 */
public final class DefaultUpdateBuilder implements UpdateBuilder {

    /** The kinds of update actions. */
    public enum Kind {
        SET,
        SET_IF_NOT_EXISTS,
        ADD,
        INCREMENT,
        REMOVE,
        DELETE,
        APPEND,
        PREPEND,
        REMOVE_AT,
        SET_AT
    }

    /**
     * One action.
     *
     * @param kind the kind
     * @param field the Java field path as given
     * @param value the value, amount, members or elements
     * @param index the list index for REMOVE_AT and SET_AT, else -1
     * @param negate whether an INCREMENT amount is subtracted
     */
    public record Action(Kind kind, String field, Object value, int index, boolean negate) {}

    private final List<Action> actions = new ArrayList<>();
    private Condition condition;
    private ReturnValue returnValue = ReturnValue.NONE;
    private boolean upsert;
    private boolean idempotent;

    public List<Action> actions() {
        return actions;
    }

    public Condition condition() {
        return condition;
    }

    public ReturnValue returnValue() {
        return returnValue;
    }

    public boolean isUpsert() {
        return upsert;
    }

    public boolean isIdempotent() {
        return idempotent;
    }

    private UpdateBuilder add(Kind kind, String field, Object value, int index, boolean negate) {
        actions.add(new Action(kind, Objects.requireNonNull(field, "field"), value, index, negate));
        return this;
    }

    @Override
    public UpdateBuilder set(String field, Object value) {
        return add(Kind.SET, field, value, -1, false);
    }

    @Override
    public UpdateBuilder setIfNotExists(String field, Object value) {
        return add(
                Kind.SET_IF_NOT_EXISTS, field, Objects.requireNonNull(value, "value"), -1, false);
    }

    @Override
    public UpdateBuilder add(String field, Object value) {
        return add(Kind.ADD, field, Objects.requireNonNull(value, "value"), -1, false);
    }

    @Override
    public UpdateBuilder increment(String field, Number amount) {
        return add(Kind.INCREMENT, field, Objects.requireNonNull(amount, "amount"), -1, false);
    }

    @Override
    public UpdateBuilder decrement(String field, Number amount) {
        return add(Kind.INCREMENT, field, Objects.requireNonNull(amount, "amount"), -1, true);
    }

    @Override
    public UpdateBuilder remove(String field) {
        return add(Kind.REMOVE, field, null, -1, false);
    }

    @Override
    public UpdateBuilder delete(String field, Object members) {
        return add(Kind.DELETE, field, Objects.requireNonNull(members, "members"), -1, false);
    }

    @Override
    public UpdateBuilder appendToList(String field, Object values) {
        return add(Kind.APPEND, field, Objects.requireNonNull(values, "values"), -1, false);
    }

    @Override
    public UpdateBuilder prependToList(String field, Object values) {
        return add(Kind.PREPEND, field, Objects.requireNonNull(values, "values"), -1, false);
    }

    @Override
    public UpdateBuilder removeFromList(String field, int index) {
        return add(Kind.REMOVE_AT, field, null, index, false);
    }

    @Override
    public UpdateBuilder setListElement(String field, int index, Object value) {
        return add(Kind.SET_AT, field, value, index, false);
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

    @Override
    public UpdateBuilder idempotent() {
        this.idempotent = true;
        return this;
    }
}
