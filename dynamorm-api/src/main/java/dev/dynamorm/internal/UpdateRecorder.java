package dev.dynamorm.internal;

import dev.dynamorm.Condition;
import dev.dynamorm.ReturnValue;
import dev.dynamorm.UpdateBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An {@link UpdateBuilder} that records the actions and conditions it is given, with the null
 * checks and condition combining every DynamORM update builder shares; the engine compiles what it
 * recorded, the test kit's MockDB compares it with an expected update. Not API (see the package
 * documentation).
 */
public class UpdateRecorder implements UpdateBuilder {

    /** The kinds of update actions. */
    public enum Kind {
        /** {@code set}. */
        SET,
        /** {@code setIfNotExists}. */
        SET_IF_NOT_EXISTS,
        /** {@code add}. */
        ADD,
        /** {@code increment} and {@code decrement} (negated). */
        INCREMENT,
        /** {@code remove}. */
        REMOVE,
        /** {@code delete} of set members. */
        DELETE,
        /** {@code appendToList}. */
        APPEND,
        /** {@code prependToList}. */
        PREPEND,
        /** {@code removeFromList}. */
        REMOVE_AT,
        /** {@code setListElement}. */
        SET_AT
    }

    /**
     * One recorded action.
     *
     * @param kind the kind
     * @param field the Java field path as given
     * @param value the value, amount, members or elements; null for REMOVE and REMOVE_AT
     * @param index the list index for REMOVE_AT and SET_AT, else -1
     * @param negate whether an INCREMENT amount is subtracted (a {@code decrement})
     */
    public record Action(Kind kind, String field, Object value, int index, boolean negate) {}

    private final List<Action> actions = new ArrayList<>();
    private Condition condition;
    private ReturnValue returnValue = ReturnValue.NONE;
    private boolean upsert;
    private boolean idempotent;

    /** An empty recorder. */
    public UpdateRecorder() {}

    /**
     * The actions, in the order given.
     *
     * @return an unmodifiable view
     */
    public List<Action> actions() {
        return Collections.unmodifiableList(actions);
    }

    /**
     * The conditions given with {@code when} and {@code or}, combined in order.
     *
     * @return the condition, or null when none was given
     */
    public Condition condition() {
        return condition;
    }

    /**
     * The values to return.
     *
     * @return {@link ReturnValue#NONE} unless set
     */
    public ReturnValue returnValue() {
        return returnValue;
    }

    /**
     * Whether {@link #upsert()} was called.
     *
     * @return true for an upsert
     */
    public boolean isUpsert() {
        return upsert;
    }

    /**
     * Whether {@link #idempotent()} was called.
     *
     * @return true for an idempotent update
     */
    public boolean isIdempotent() {
        return idempotent;
    }

    private UpdateBuilder record(Kind kind, String field, Object value, int index, boolean negate) {
        actions.add(new Action(kind, Objects.requireNonNull(field, "field"), value, index, negate));
        return this;
    }

    @Override
    public UpdateBuilder set(String field, Object value) {
        return record(Kind.SET, field, value, -1, false);
    }

    @Override
    public UpdateBuilder setIfNotExists(String field, Object value) {
        return record(
                Kind.SET_IF_NOT_EXISTS, field, Objects.requireNonNull(value, "value"), -1, false);
    }

    @Override
    public UpdateBuilder add(String field, Object value) {
        return record(Kind.ADD, field, Objects.requireNonNull(value, "value"), -1, false);
    }

    @Override
    public UpdateBuilder increment(String field, Number amount) {
        return record(Kind.INCREMENT, field, Objects.requireNonNull(amount, "amount"), -1, false);
    }

    @Override
    public UpdateBuilder decrement(String field, Number amount) {
        return record(Kind.INCREMENT, field, Objects.requireNonNull(amount, "amount"), -1, true);
    }

    @Override
    public UpdateBuilder remove(String field) {
        return record(Kind.REMOVE, field, null, -1, false);
    }

    @Override
    public UpdateBuilder delete(String field, Object members) {
        return record(Kind.DELETE, field, Objects.requireNonNull(members, "members"), -1, false);
    }

    @Override
    public UpdateBuilder appendToList(String field, Object values) {
        return record(Kind.APPEND, field, Objects.requireNonNull(values, "values"), -1, false);
    }

    @Override
    public UpdateBuilder prependToList(String field, Object values) {
        return record(Kind.PREPEND, field, Objects.requireNonNull(values, "values"), -1, false);
    }

    @Override
    public UpdateBuilder removeFromList(String field, int index) {
        return record(Kind.REMOVE_AT, field, null, index, false);
    }

    @Override
    public UpdateBuilder setListElement(String field, int index, Object value) {
        return record(Kind.SET_AT, field, value, index, false);
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
