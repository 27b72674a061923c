package dev.dynamorm.test.mock;

import dev.dynamorm.Condition;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Key;
import dev.dynamorm.Operation;
import dev.dynamorm.ReadTransaction;
import dev.dynamorm.Transaction;
import dev.dynamorm.UpdateBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A {@link Transaction} (and {@link ReadTransaction}) that records its actions as call parts, so
 * MockDB can compare a transaction with an expected one. The client request token is kept for the
 * result but not compared.
 */
final class MockTransaction implements Transaction, ReadTransaction {

    private final List<MockCall.Part> actions = new ArrayList<>();

    /**
     * Per action: the item a real transaction reports as written (create, put, update of an item),
     * else null.
     */
    private final List<Object> written = new ArrayList<>();

    /** The writes, for MockDB's {@code @Unique} bookkeeping. */
    private final List<Write> writes = new ArrayList<>();

    private final TypedValues values;
    private String token;

    /**
     * One write action.
     *
     * @param op create, put, update or delete
     * @param model the model class
     * @param item the item, or null when the action names a key
     * @param key the key, or null when the action names an item
     * @param fields the fields of an update of an item, else empty
     * @param update the actions of an update through a builder, else null
     */
    record Write(
            String op,
            Class<?> model,
            Object item,
            Key key,
            List<String> fields,
            List<MockCall.Part> update) {}

    /** A transaction that records values as given (no models to type them by). */
    MockTransaction() {
        this(null);
    }

    /**
     * A transaction that types the values of its conditions and updates as the engine does.
     *
     * @param values the rule, or null to record values as given
     */
    MockTransaction(TypedValues values) {
        this.values = values;
    }

    static MockTransaction describe(TypedValues values, Consumer<? super MockTransaction> body) {
        Objects.requireNonNull(body, "body");
        MockTransaction tx = new MockTransaction(values);
        body.accept(tx);
        return tx;
    }

    List<MockCall.Part> parts() {
        return List.copyOf(actions);
    }

    List<Object> written() {
        return written;
    }

    String token() {
        return token;
    }

    List<Write> writes() {
        return List.copyOf(writes);
    }

    private void write(
            String op,
            Class<?> model,
            Object item,
            Key key,
            List<String> fields,
            List<MockCall.Part> update) {
        writes.add(new Write(op, model, item, key, fields, update));
    }

    private Condition typed(Class<?> model, Condition condition) {
        return values == null || condition == null
                ? condition
                : values.condition(model, Operation.TRANSACT_WRITE, condition);
    }

    private Key key(Class<?> model, Key key, Operation op) {
        Objects.requireNonNull(key, "key");
        return values == null || model == null ? key : values.key(model, op, key);
    }

    private List<MockCall.Part> update(Class<?> model, Consumer<UpdateBuilder> update) {
        return MockUpdateBuilder.describe(values, model, Operation.TRANSACT_WRITE, update);
    }

    private MockTransaction action(String name, Object written, Object... arguments) {
        if (actions.size() >= MAX_ACTIONS) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "a transaction holds at most %d actions: split it, or use a batch when atomicity is not"
                                    + " needed",
                            MAX_ACTIONS),
                    Operation.TRANSACT_WRITE,
                    null,
                    null);
        }
        List<Object> args = new ArrayList<>(Arrays.asList(arguments));
        while (!args.isEmpty() && args.get(args.size() - 1) == null) {
            args.remove(args.size() - 1);
        }
        actions.add(new MockCall.Part(name, args.size() == 1 ? args.get(0) : args));
        this.written.add(written);
        return this;
    }

    @Override
    public <T> Transaction create(T item) {
        action("create", Objects.requireNonNull(item, "item"), item);
        write("create", item.getClass(), item, null, List.of(), null);
        return this;
    }

    @Override
    public <T> Transaction put(T item, Condition condition) {
        Objects.requireNonNull(item, "item");
        action("put", item, item, typed(item.getClass(), condition));
        write("put", item.getClass(), item, null, List.of(), null);
        return this;
    }

    @Override
    public <T> Transaction update(T item, String... fields) {
        Objects.requireNonNull(item, "item");
        List<String> named = Arrays.asList(fields.clone());
        if (fields.length == 0) {
            action("update", item, item);
        } else {
            action("update", item, item, named);
        }
        write("update", item.getClass(), item, null, named, null);
        return this;
    }

    @Override
    public <T> Transaction update(T item, Consumer<UpdateBuilder> update) {
        Objects.requireNonNull(item, "item");
        List<MockCall.Part> parts = update(item.getClass(), update);
        action("update", item, item, parts);
        write("update", item.getClass(), item, null, List.of(), parts);
        return this;
    }

    @Override
    public Transaction update(Class<?> modelType, Key key, Consumer<UpdateBuilder> update) {
        Key typed =
                key(Objects.requireNonNull(modelType, "modelType"), key, Operation.TRANSACT_WRITE);
        List<MockCall.Part> parts = update(modelType, update);
        action("update", null, modelType, typed, parts);
        write("update", modelType, null, typed, List.of(), parts);
        return this;
    }

    @Override
    public <T> Transaction delete(T item, Condition condition) {
        Objects.requireNonNull(item, "item");
        action("delete", null, item, typed(item.getClass(), condition));
        write("delete", item.getClass(), item, null, List.of(), null);
        return this;
    }

    @Override
    public Transaction delete(Class<?> modelType, Key key) {
        Key typed =
                key(Objects.requireNonNull(modelType, "modelType"), key, Operation.TRANSACT_WRITE);
        action("delete", null, modelType, typed);
        write("delete", modelType, null, typed, List.of(), null);
        return this;
    }

    @Override
    public <T> Transaction conditionCheck(T item, Condition condition) {
        Objects.requireNonNull(item, "item");
        return action(
                "conditionCheck",
                null,
                item,
                typed(item.getClass(), Objects.requireNonNull(condition, "condition")));
    }

    @Override
    public Transaction conditionCheck(Class<?> modelType, Key key, Condition condition) {
        return action(
                "conditionCheck",
                null,
                Objects.requireNonNull(modelType, "modelType"),
                key(modelType, key, Operation.TRANSACT_WRITE),
                typed(modelType, Objects.requireNonNull(condition, "condition")));
    }

    @Override
    public Transaction clientRequestToken(String token) {
        Objects.requireNonNull(token, "token");
        if (token.isEmpty() || token.length() > 36) {
            throw new IllegalArgumentException(
                    "client request token must have 1 to 36 characters, got " + token.length());
        }
        this.token = token;
        return this;
    }

    @Override
    public ReadTransaction get(Class<?> modelType, Key key) {
        action(
                "get",
                null,
                Objects.requireNonNull(modelType, "modelType"),
                key(modelType, key, Operation.TRANSACT_GET));
        return this;
    }
}
