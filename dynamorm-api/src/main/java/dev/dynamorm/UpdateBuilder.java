package dev.dynamorm;

import org.jspecify.annotations.Nullable;

/**
 * The actions and conditions of one UpdateItem, collected by the consumer given to {@link
 * Table#update(Object, java.util.function.Consumer)}, {@link
 * Query#update(java.util.function.Consumer)} and {@link Transaction#update(Object,
 * java.util.function.Consumer)}.
 *
 * <pre>{@code
 * orders.where("customerId", "=", c).where("orderId", "=", id)
 *       .update(u -> u.set("status", "SHIPPED").increment("totalCents", 500).remove("note")
 *                     .when("status", "=", "PAID"));
 * }</pre>
 *
 * <p>Fields are Java field names; nested fields are dotted ({@code address.city}) and list elements
 * indexed ({@code items[0]}). Every name and value becomes a placeholder. Nothing is checked until
 * the update is compiled, just before sending; then an unknown field, a value that does not fit its
 * field, a key or version field, or two actions on the same or overlapping paths fail with an
 * {@link InvalidRequestException} (or {@link UnknownFieldException}) and nothing is sent.
 *
 * <p>An update requires the item to exist ({@link ItemNotFoundException} otherwise) unless {@link
 * #upsert()} is called. A builder is used by one thread, for one update.
 */
public interface UpdateBuilder {

    /**
     * Sets a field: {@code SET path = value}.
     *
     * @param field the Java field path
     * @param value the value, converted by the field's converter; null removes the attribute
     * @return this builder
     */
    UpdateBuilder set(String field, @Nullable Object value);

    /**
     * Sets a field only when the attribute is absent: {@code SET path = if_not_exists(path,
     * value)}.
     *
     * @param field the Java field path
     * @param value the value
     * @return this builder
     */
    UpdateBuilder setIfNotExists(String field, Object value);

    /**
     * Adds to a top-level number (absent counts as 0) or adds members to a top-level set: {@code
     * ADD path value}.
     *
     * @param field the Java field name of a number or set field
     * @param value a number, or a collection (or single member) for a set
     * @return this builder
     */
    UpdateBuilder add(String field, Object value);

    /**
     * Adds 1 to a number field (absent counts as 0).
     *
     * @param field the Java field path
     * @return this builder
     */
    default UpdateBuilder increment(String field) {
        return increment(field, 1);
    }

    /**
     * Adds an amount to a number field (absent counts as 0); works on nested fields too.
     *
     * @param field the Java field path
     * @param amount the amount
     * @return this builder
     */
    UpdateBuilder increment(String field, Number amount);

    /**
     * Subtracts 1 from a number field (absent counts as 0).
     *
     * @param field the Java field path
     * @return this builder
     */
    default UpdateBuilder decrement(String field) {
        return decrement(field, 1);
    }

    /**
     * Subtracts an amount from a number field (absent counts as 0).
     *
     * @param field the Java field path
     * @param amount the amount
     * @return this builder
     */
    UpdateBuilder decrement(String field, Number amount);

    /**
     * Removes an attribute: {@code REMOVE path}.
     *
     * @param field the Java field path
     * @return this builder
     */
    UpdateBuilder remove(String field);

    /**
     * Removes members from a top-level set: {@code DELETE path members}.
     *
     * @param field the Java field name of a set field
     * @param members a collection of members, or a single member
     * @return this builder
     */
    UpdateBuilder delete(String field, Object members);

    /**
     * Appends elements to a list (an absent list counts as empty).
     *
     * @param field the Java field path of a list field
     * @param values a collection of elements, or a single element
     * @return this builder
     */
    UpdateBuilder appendToList(String field, Object values);

    /**
     * Prepends elements to a list (an absent list counts as empty).
     *
     * @param field the Java field path of a list field
     * @param values a collection of elements, or a single element
     * @return this builder
     */
    UpdateBuilder prependToList(String field, Object values);

    /**
     * Removes the element at an index of a list: {@code REMOVE path[index]}.
     *
     * @param field the Java field path of a list field
     * @param index the index, from 0
     * @return this builder
     */
    UpdateBuilder removeFromList(String field, int index);

    /**
     * Replaces the element at an index of a list: {@code SET path[index] = value}.
     *
     * @param field the Java field path of a list field
     * @param index the index, from 0
     * @param value the element
     * @return this builder
     */
    UpdateBuilder setListElement(String field, int index, Object value);

    /**
     * Adds a condition the stored item must meet, combined with AND.
     *
     * @param field the Java field path
     * @param operator an operator symbol, see {@link Operator#parse(String)}
     * @param value the value
     * @return this builder
     */
    default UpdateBuilder when(String field, String operator, Object value) {
        return when(Condition.when(field, operator, value));
    }

    /**
     * Adds a condition the stored item must meet, combined with AND.
     *
     * @param condition the condition
     * @return this builder
     */
    UpdateBuilder when(Condition condition);

    /**
     * Requires the attribute to be present (AND).
     *
     * @param field the Java field path
     * @return this builder
     */
    default UpdateBuilder whenExists(String field) {
        return when(Condition.exists(field));
    }

    /**
     * Requires the attribute to be absent (AND).
     *
     * @param field the Java field path
     * @return this builder
     */
    default UpdateBuilder whenNotExists(String field) {
        return when(Condition.notExists(field));
    }

    /**
     * Combines a condition with the conditions given so far with OR: {@code when(a).or(b).when(c)}
     * means {@code (a OR b) AND c}.
     *
     * @param field the Java field path
     * @param operator an operator symbol
     * @param value the value
     * @return this builder
     * @throws IllegalStateException if no condition was given before
     */
    default UpdateBuilder or(String field, String operator, Object value) {
        return or(Condition.when(field, operator, value));
    }

    /**
     * Combines a condition with the conditions given so far with OR.
     *
     * @param condition the condition
     * @return this builder
     * @throws IllegalStateException if no condition was given before
     */
    UpdateBuilder or(Condition condition);

    /**
     * Sets what the update returns, mapped to the model in {@link WriteResult#item()}.
     *
     * @param returnValue any mode; {@code NONE} by default
     * @return this builder
     */
    UpdateBuilder returnValue(ReturnValue returnValue);

    /**
     * Lets the update create the item when no item has the key (DynamoDB's own behaviour); without
     * it, a missing item raises {@link ItemNotFoundException}.
     *
     * @return this builder
     */
    UpdateBuilder upsert();

    /**
     * Sends the update idempotently: as a single-action {@code TransactWriteItems} with a client
     * request token that every retry reuses, so an increment, append or set add whose answer was
     * lost is never applied twice. It costs twice the write capacity of a plain update and returns
     * no item (the return value must stay {@code NONE}). Without it, such an update whose answer
     * was lost raises {@link OutcomeUnknownException} instead of being sent again. In-memory
     * implementations, which lose no answer, may ignore it.
     *
     * @return this builder
     * @throws UnsupportedOperationException if this implementation does not support it
     */
    default UpdateBuilder idempotent() {
        throw new UnsupportedOperationException("idempotent() is not supported by " + getClass());
    }

    // ---- typed field references (generated by dynamorm-processor) ----

    /**
     * Like {@link #set(String, Object)} with a typed field reference.
     *
     * @param field the field reference, e.g. {@code Order_.status}
     * @param value the value, of the field's type; null removes the attribute
     * @param <V> the field type
     * @return this builder
     */
    default <V> UpdateBuilder set(FieldRef<?, V> field, @Nullable V value) {
        return set(field.path(), value);
    }

    /**
     * Like {@link #setIfNotExists(String, Object)} with a typed field reference.
     *
     * @param field the field reference
     * @param value the value, of the field's type
     * @param <V> the field type
     * @return this builder
     */
    default <V> UpdateBuilder setIfNotExists(FieldRef<?, V> field, V value) {
        return setIfNotExists(field.path(), value);
    }

    /**
     * Like {@link #increment(String, Number)} with a typed reference to a numeric field.
     *
     * @param field the field reference
     * @param amount the amount
     * @return this builder
     */
    default UpdateBuilder increment(FieldRef<?, ? extends Number> field, Number amount) {
        return increment(field.path(), amount);
    }

    /**
     * Like {@link #decrement(String, Number)} with a typed reference to a numeric field.
     *
     * @param field the field reference
     * @param amount the amount
     * @return this builder
     */
    default UpdateBuilder decrement(FieldRef<?, ? extends Number> field, Number amount) {
        return decrement(field.path(), amount);
    }

    /**
     * Like {@link #remove(String)} with a typed field reference.
     *
     * @param field the field reference
     * @return this builder
     */
    default UpdateBuilder remove(FieldRef<?, ?> field) {
        return remove(field.path());
    }

    /**
     * Like {@link #when(String, String, Object)} with a typed field reference.
     *
     * @param field the field reference
     * @param operator an operator symbol
     * @param value the value, of the field's type
     * @param <V> the field type
     * @return this builder
     */
    default <V> UpdateBuilder when(FieldRef<?, V> field, String operator, V value) {
        return when(field.path(), operator, value);
    }

    /**
     * Like {@link #add(String, Object)} on a number, with a typed reference to a numeric field.
     *
     * @param field the field reference, e.g. {@code Order_.totalCents}
     * @param amount the amount to add
     * @return this builder
     */
    default UpdateBuilder add(FieldRef<?, ? extends Number> field, Number amount) {
        return add(field.path(), amount);
    }

    /**
     * Like {@link #add(String, Object)} on a set, with a typed reference to a set field: {@code
     * add(Order_.tags, Set.of(1))} does not compile when the tags are strings.
     *
     * @param field the field reference, e.g. {@code Order_.tags}
     * @param members the members to add
     * @param <E> the member type
     * @return this builder
     */
    default <E> UpdateBuilder add(
            FieldRef<?, ? extends java.util.Set<E>> field, java.util.Set<? extends E> members) {
        return add(field.path(), members);
    }

    /**
     * Like {@link #delete(String, Object)} with a typed reference to a set field.
     *
     * @param field the field reference
     * @param members the members to remove
     * @param <E> the member type
     * @return this builder
     */
    default <E> UpdateBuilder delete(
            FieldRef<?, ? extends java.util.Set<E>> field, java.util.Set<? extends E> members) {
        return delete(field.path(), members);
    }

    /**
     * Like {@link #appendToList(String, Object)} with a typed reference to a list field.
     *
     * @param field the field reference, e.g. {@code Order_.lines}
     * @param values the elements to append
     * @param <E> the element type
     * @return this builder
     */
    default <E> UpdateBuilder appendToList(
            FieldRef<?, ? extends java.util.List<E>> field, java.util.List<? extends E> values) {
        return appendToList(field.path(), values);
    }

    /**
     * Like {@link #prependToList(String, Object)} with a typed reference to a list field.
     *
     * @param field the field reference
     * @param values the elements to prepend
     * @param <E> the element type
     * @return this builder
     */
    default <E> UpdateBuilder prependToList(
            FieldRef<?, ? extends java.util.List<E>> field, java.util.List<? extends E> values) {
        return prependToList(field.path(), values);
    }

    /**
     * Like {@link #removeFromList(String, int)} with a typed reference to a list field.
     *
     * @param field the field reference
     * @param index the index, from 0
     * @return this builder
     */
    default UpdateBuilder removeFromList(
            FieldRef<?, ? extends java.util.List<?>> field, int index) {
        return removeFromList(field.path(), index);
    }

    /**
     * Like {@link #setListElement(String, int, Object)} with a typed reference to a list field.
     *
     * @param field the field reference
     * @param index the index, from 0
     * @param value the element, of the list's element type
     * @param <E> the element type
     * @return this builder
     */
    default <E> UpdateBuilder setListElement(
            FieldRef<?, ? extends java.util.List<E>> field, int index, E value) {
        return setListElement(field.path(), index, value);
    }

    /**
     * Like {@link #whenExists(String)} with a typed field reference.
     *
     * @param field the field reference
     * @return this builder
     */
    default UpdateBuilder whenExists(FieldRef<?, ?> field) {
        return whenExists(field.path());
    }

    /**
     * Like {@link #whenNotExists(String)} with a typed field reference.
     *
     * @param field the field reference
     * @return this builder
     */
    default UpdateBuilder whenNotExists(FieldRef<?, ?> field) {
        return whenNotExists(field.path());
    }

    /**
     * Like {@link #or(String, String, Object)} with a typed field reference.
     *
     * @param field the field reference
     * @param operator an operator symbol
     * @param value the value, of the field's type
     * @param <V> the field type
     * @return this builder
     */
    default <V> UpdateBuilder or(FieldRef<?, V> field, String operator, V value) {
        return or(field.path(), operator, value);
    }
}
