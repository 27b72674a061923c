package dev.dynamorm.engine.internal.write;

import dev.dynamorm.Condition;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Key;
import dev.dynamorm.NullHandling;
import dev.dynamorm.Operation;
import dev.dynamorm.UpdateBuilder;
import dev.dynamorm.engine.internal.expr.AttributeValues;
import dev.dynamorm.engine.internal.expr.Conjunction;
import dev.dynamorm.engine.internal.expr.DefaultUpdateBuilder;
import dev.dynamorm.engine.internal.expr.Expression;
import dev.dynamorm.engine.internal.expr.ExpressionBuilder;
import dev.dynamorm.engine.internal.expr.UpdateCompiler;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.plugin.HookedModel;
import dev.dynamorm.internal.UpdateRecorder;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Prepares single-item writes (create, put, update, delete, condition check) into requests, shared
 * by the single-item operations, transactions and batches.
 *
 * @param <T> the model type
 */
abstract class WritePreparer<T> extends WriteSupport<T> {

    WritePreparer(TableContext<T> table) {
        super(table);
    }

    // ---- preparation (shared with transactions and batches) ----

    public PreparedWrite prepareCreate(T item, Condition extra) {
        Map<String, AttributeValue> attributes = itemToWrite(item, Operation.CREATE, false);
        Instant now = now();
        if (version != null) {
            attributes.put(version.attributeName(), AttributeValue.createN("1"));
        }
        if (createdAt != null) {
            attributes.put(createdAt.attributeName(), timestamp(createdAt, now));
        }
        if (updatedAt != null) {
            attributes.put(updatedAt.attributeName(), timestamp(updatedAt, now));
        }
        long size = checkSize(attributes, Operation.CREATE);
        Map<String, AttributeValue> key = table.keyOf(attributes, Operation.CREATE);
        ExpressionBuilder expr = new ExpressionBuilder();
        Conjunction condition = new Conjunction();
        condition.term(
                "attribute_not_exists(" + expr.name(model.partitionKey().attributeName()) + ")");
        userCondition(condition, extra, expr, Operation.CREATE);
        return new PreparedWrite(
                Operation.CREATE,
                table,
                key,
                attributes,
                null,
                condition(expr, condition),
                version == null ? null : 0L,
                extra != null,
                false,
                written(item, attributes),
                size);
    }

    public PreparedWrite preparePut(T item, Condition extra) {
        return preparePut(item, extra, null);
    }

    /** A put that writes back the creation time {@code stored} found, if not null. */
    PreparedWrite preparePut(T item, Condition extra, StoredCreation stored) {
        Map<String, AttributeValue> attributes = itemToWrite(item, Operation.PUT, false);
        Long expected = versionCheck(attributes);
        ExpressionBuilder expr = new ExpressionBuilder();
        Conjunction condition = new Conjunction();
        versionCondition(condition, expected, expr, false);
        if (stored != null) {
            stored.fill(attributes, createdAt.attributeName());
            stored.guard(
                    condition,
                    expr,
                    model.partitionKey().attributeName(),
                    createdAt.attributeName());
        }
        stampPut(attributes, expected);
        long size = checkSize(attributes, Operation.PUT);
        Map<String, AttributeValue> key = table.keyOf(attributes, Operation.PUT);
        userCondition(condition, extra, expr, Operation.PUT);
        return new PreparedWrite(
                Operation.PUT,
                table,
                key,
                attributes,
                null,
                condition(expr, condition),
                expected,
                extra != null,
                false,
                written(item, attributes),
                size);
    }

    /**
     * A put for a batch: stamped like a put, but without conditions (refused for versioned models
     * unless allowed).
     */
    public PreparedWrite prepareBatchPut(T item, boolean ignoreVersioning) {
        requireUnversioned(ignoreVersioning);
        Map<String, AttributeValue> attributes = itemToWrite(item, Operation.BATCH_WRITE, false);
        stampPut(attributes, versionCheck(attributes));
        long size = checkSize(attributes, Operation.BATCH_WRITE);
        return new PreparedWrite(
                Operation.PUT,
                table,
                table.keyOf(attributes, Operation.BATCH_WRITE),
                attributes,
                null,
                null,
                null,
                false,
                false,
                written(item, attributes),
                size);
    }

    /** A delete for a batch (refused for versioned models unless allowed). */
    public Map<String, AttributeValue> batchDeleteKey(Key key, boolean ignoreVersioning) {
        table.requireWritableForWrite(Operation.BATCH_WRITE);
        requireUnversioned(ignoreVersioning);
        return keyOf(key, Operation.BATCH_WRITE);
    }

    void requireUnversioned(boolean ignoreVersioning) {
        requireUnversioned(ignoreVersioning, "BatchOptions");
    }

    /**
     * Refuses a batch write of a versioned model unless opted out.
     *
     * @param optionsType the options class the caller opts out with, for the message
     */
    public void requireUnversioned(boolean ignoreVersioning, String optionsType) {
        requireNoUnique(
                Operation.BATCH_WRITE,
                "BatchWriteItem",
                "write it with create/put/update/delete or a transaction");
        if (version != null && !ignoreVersioning) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "model %s has @Version field '%s': BatchWriteItem cannot carry the version condition, so a batch "
                                    + "write would overwrite concurrent changes; use put/delete or a transaction, or opt out "
                                    + "with %s.builder().ignoreVersioning(true)",
                            model.type().getName(),
                            version.name(),
                            optionsType),
                    Operation.BATCH_WRITE,
                    model.type(),
                    null);
        }
    }

    /** Refuses a write path that cannot carry the sentinels of {@code @Unique} fields. */
    abstract void requireNoUnique(Operation op, String what, String instead);

    /** Refuses an update action on a {@code @Unique} field whose new value is not known. */
    abstract void requireKnownUniqueValue(String field, String action);

    void stampPut(Map<String, AttributeValue> attributes, Long expected) {
        Instant now = now();
        if (version != null) {
            attributes.put(
                    version.attributeName(), AttributeValue.createN(Long.toString(expected + 1)));
        }
        if (createdAt != null && absent(attributes.get(createdAt.attributeName()))) {
            attributes.put(createdAt.attributeName(), timestamp(createdAt, now));
        }
        if (updatedAt != null) {
            attributes.put(updatedAt.attributeName(), timestamp(updatedAt, now));
        }
    }

    public PreparedWrite prepareUpdateFields(
            T item, NullHandling nullHandling, Condition extra, String... fields) {
        Map<String, AttributeValue> attributes = itemToWrite(item, Operation.UPDATE, true);
        Map<String, AttributeValue> key = table.keyOf(attributes, Operation.UPDATE);
        List<FieldMetadata> chosen = FieldWrites.chosen(model, fields);
        ExpressionBuilder expr = new ExpressionBuilder();
        StringJoiner set = new StringJoiner(", ");
        StringJoiner remove = new StringJoiner(", ");
        FieldWrites writes = new FieldWrites();
        for (FieldMetadata f : chosen) {
            AttributeValue value = attributes.get(f.attributeName());
            if (value != null) {
                writes.assign(
                        set, f.attributeName(), expr.name(f.attributeName()), expr.value(value));
            } else if (nullHandling == NullHandling.REMOVE) {
                remove.add(expr.name(f.attributeName()));
                writes.changed.add(f.attributeName());
            }
        }
        if (set.length() == 0 && remove.length() == 0) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "nothing to update for key %s in model %s: every chosen field %s is null and null handling is "
                                    + "SKIP (use NullHandling.REMOVE to remove attributes)",
                            table.describeKey(key),
                            model.type().getName(),
                            chosen.stream().map(FieldMetadata::name).toList()),
                    Operation.UPDATE,
                    model.type(),
                    null);
        }
        return finishFieldUpdate(
                item, attributes, key, versionCheck(attributes), expr, set, remove, writes, extra);
    }

    /**
     * Prepares the update of the attributes that differ between two instances of one item: SET for
     * changed and added attributes, REMOVE for attributes present before and null after. Nested
     * attributes are compared and written whole. The {@code @Version} of {@code before} is checked
     * and incremented and {@code @UpdatedAt} is stamped, as for an update of chosen fields; the
     * managed fields ({@code @Version}, {@code @CreatedAt}, {@code @UpdatedAt}) are not compared.
     *
     * @return the write, or null when no attribute changed (nothing is to be sent)
     */
    public PreparedWrite prepareUpdateChanged(T before, T after, Condition extra) {
        if (before == null || after == null) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "updateChanged of model %s needs the item as read (before) and as changed (after), got null %s",
                            model.type().getName(),
                            before == null ? "before" : "after"),
                    Operation.UPDATE,
                    model.type(),
                    null);
        }
        Map<String, AttributeValue> old = itemToWrite(before, Operation.UPDATE, false);
        Map<String, AttributeValue> attributes = itemToWrite(after, Operation.UPDATE, true);
        Map<String, AttributeValue> key = table.keyOf(attributes, Operation.UPDATE);
        Map<String, AttributeValue> oldKey = table.keyOf(old, Operation.UPDATE);
        if (!AttributeValues.same(AttributeValue.createM(oldKey), AttributeValue.createM(key))) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "updateChanged of model %s: before has key %s but after has key %s; the key identifies the item "
                                    + "and cannot be updated (delete the item and create a new one instead)",
                            model.type().getName(),
                            table.describeKey(oldKey),
                            table.describeKey(key)),
                    Operation.UPDATE,
                    model.type(),
                    null);
        }
        Long expected = versionCheck(old);
        if (version != null && versionOf(attributes) != expected) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "updateChanged of key %s in model %s: before carries version %d but after carries %d; the "
                                    + "@Version field '%s' is checked against before and incremented by DynamORM: do not "
                                    + "change it yourself",
                            table.describeKey(key),
                            model.type().getName(),
                            expected,
                            versionOf(attributes),
                            version.name()),
                    Operation.UPDATE,
                    model.type(),
                    null);
        }
        ExpressionBuilder expr = new ExpressionBuilder();
        StringJoiner set = new StringJoiner(", ");
        StringJoiner remove = new StringJoiner(", ");
        FieldWrites writes = new FieldWrites();
        for (FieldMetadata f : model.fields()) {
            if (f.isPartitionKey()
                    || f.isSortKey()
                    || f.isVersion()
                    || f.isCreatedAt()
                    || f.isUpdatedAt()) {
                continue;
            }
            AttributeValue was = old.get(f.attributeName());
            AttributeValue now = attributes.get(f.attributeName());
            if (now == null) {
                if (was != null) {
                    remove.add(expr.name(f.attributeName()));
                    writes.changed.add(f.attributeName());
                }
            } else if (was == null || !AttributeValues.same(was, now)) {
                writes.assign(
                        set, f.attributeName(), expr.name(f.attributeName()), expr.value(now));
            }
        }
        if (set.length() == 0 && remove.length() == 0) {
            return null;
        }
        return finishFieldUpdate(
                after, attributes, key, expected, expr, set, remove, writes, extra);
    }

    /**
     * Adds the version increment and {@code @UpdatedAt} stamp to a field update, with its
     * conditions.
     */
    PreparedWrite finishFieldUpdate(
            T item,
            Map<String, AttributeValue> attributes,
            Map<String, AttributeValue> key,
            Long expected,
            ExpressionBuilder expr,
            StringJoiner set,
            StringJoiner remove,
            FieldWrites writes,
            Condition extra) {
        Instant now = now();
        if (version != null) {
            AttributeValue next = AttributeValue.createN(Long.toString(expected + 1));
            writes.assign(
                    set,
                    version.attributeName(),
                    expr.name(version.attributeName()),
                    expr.value(next));
            attributes.put(version.attributeName(), next);
        }
        if (updatedAt != null) {
            AttributeValue stamp = timestamp(updatedAt, now);
            writes.assign(
                    set,
                    updatedAt.attributeName(),
                    expr.name(updatedAt.attributeName()),
                    expr.value(stamp));
            attributes.put(updatedAt.attributeName(), stamp);
        }
        Expression update = update(expr, writes.toWrites(set, remove));
        Conjunction condition = new Conjunction();
        condition.term("attribute_exists(" + expr.name(model.partitionKey().attributeName()) + ")");
        versionCondition(condition, expected, expr, false);
        userCondition(condition, extra, expr, Operation.UPDATE);
        return new PreparedWrite(
                Operation.UPDATE,
                table,
                key,
                null,
                update,
                condition(expr, condition),
                expected,
                extra != null,
                true,
                written(item, attributes),
                0);
    }

    public DefaultUpdateBuilder build(Consumer<UpdateBuilder> update) {
        if (update == null) {
            throw new InvalidRequestException(
                    "update of model "
                            + model.type().getName()
                            + " needs a consumer that "
                            + "adds actions, got null",
                    Operation.UPDATE,
                    model.type(),
                    null);
        }
        DefaultUpdateBuilder u = new DefaultUpdateBuilder();
        update.accept(u);
        return u;
    }

    /**
     * Compiles an update builder.
     *
     * @param key the item's key
     * @param attributes the model instance's attributes when updating from an instance (its version
     *     is checked), or null for an update by key (the version is incremented unchecked)
     * @param u the recorded actions
     * @param extra a further condition, or null
     */
    public PreparedWrite prepareUpdate(
            Map<String, AttributeValue> key,
            Map<String, AttributeValue> attributes,
            DefaultUpdateBuilder u,
            Condition extra) {
        table.requireWritableForWrite(Operation.UPDATE);
        if (u.actions().isEmpty()) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "update of key %s in model %s has no actions: call set, add, increment, remove, ... on the "
                                    + "update builder",
                            table.describeKey(key),
                            model.type().getName()),
                    Operation.UPDATE,
                    model.type(),
                    null);
        }
        ExpressionBuilder expr = new ExpressionBuilder();
        UpdateCompiler.Clauses clauses = updates.clauses();
        for (UpdateRecorder.Action a : u.actions()) {
            if (a.kind() != UpdateRecorder.Kind.SET && a.kind() != UpdateRecorder.Kind.REMOVE) {
                String root = a.field() == null ? "" : a.field().split("[.\\[]", 2)[0];
                requireKnownUniqueValue(root, a.kind().name().toLowerCase(Locale.ROOT));
            }
            updates.compile(a, expr, clauses);
        }
        if (keyTemplates) {
            TemplateUpdates.derive(model, u.actions(), key, attributes, expr, clauses);
        }
        sealEncryptedValues(key, expr, clauses);
        Instant now = now();
        Long expected = attributes == null ? null : versionCheck(attributes);
        if (version != null) {
            String p = expr.name(version.attributeName());
            clauses.claim(List.of(version.attributeName()), version.name());
            if (expected != null) {
                AttributeValue next = AttributeValue.createN(Long.toString(expected + 1));
                clauses.assign(version.attributeName(), p, expr.value(next));
                attributes.put(version.attributeName(), next);
            } else {
                clauses.add.add(p + " " + expr.value(AttributeValue.createN("1")));
            }
        }
        if (updatedAt != null && !clauses.touches(updatedAt.attributeName())) {
            AttributeValue stamp = timestamp(updatedAt, now);
            clauses.claim(List.of(updatedAt.attributeName()), updatedAt.name());
            clauses.assign(
                    updatedAt.attributeName(),
                    expr.name(updatedAt.attributeName()),
                    expr.value(stamp));
            if (attributes != null) {
                attributes.put(updatedAt.attributeName(), stamp);
            }
        }
        if (createdAt != null && u.isUpsert() && !clauses.touches(createdAt.attributeName())) {
            String p = expr.name(createdAt.attributeName());
            clauses.claim(List.of(createdAt.attributeName()), createdAt.name());
            clauses.set.add(
                    p
                            + " = if_not_exists("
                            + p
                            + ", "
                            + expr.value(timestamp(createdAt, now))
                            + ")");
        }
        Expression update = update(expr, clauses.writes());
        Conjunction condition = new Conjunction();
        if (!u.isUpsert()) {
            condition.term(
                    "attribute_exists(" + expr.name(model.partitionKey().attributeName()) + ")");
        }
        versionCondition(condition, expected, expr, u.isUpsert());
        boolean userCondition = u.condition() != null || extra != null;
        userCondition(condition, u.condition(), expr, Operation.UPDATE);
        userCondition(condition, extra, expr, Operation.UPDATE);
        Object written = attributes == null ? null : fromItemSafely(attributes);
        return new PreparedWrite(
                Operation.UPDATE,
                table,
                key,
                null,
                update,
                condition(expr, condition),
                expected,
                userCondition,
                !u.isUpsert(),
                written,
                0);
    }

    public PreparedWrite prepareDelete(
            Map<String, AttributeValue> key, Long expected, Condition extra) {
        table.requireWritableForWrite(Operation.DELETE);
        ExpressionBuilder expr = new ExpressionBuilder();
        Conjunction condition = new Conjunction();
        if (expected != null && expected == 0) {
            condition.term("attribute_not_exists(" + expr.name(version.attributeName()) + ")");
        } else if (expected != null) {
            // deleting an item that is already gone is not a version conflict
            condition.group(
                    "attribute_not_exists("
                            + expr.name(model.partitionKey().attributeName())
                            + ") OR "
                            + expr.name(version.attributeName())
                            + " = "
                            + expr.value(AttributeValue.createN(Long.toString(expected))));
        }
        userCondition(condition, extra, expr, Operation.DELETE);
        return new PreparedWrite(
                Operation.DELETE,
                table,
                key,
                null,
                null,
                condition(expr, condition),
                expected,
                extra != null,
                false,
                null,
                0);
    }

    public PreparedWrite prepareDeleteOf(T item, Condition extra) {
        if (item == null) {
            throw new InvalidRequestException(
                    "delete of a null " + model.type().getName(),
                    Operation.DELETE,
                    model.type(),
                    null);
        }
        Map<String, AttributeValue> attributes = model.toItem(item, Operation.DELETE);
        return prepareDelete(
                table.keyOf(attributes, Operation.DELETE), versionCheck(attributes), extra);
    }

    public PreparedWrite prepareConditionCheck(
            Map<String, AttributeValue> key, Condition condition) {
        if (condition == null) {
            throw new InvalidRequestException(
                    "condition check on model "
                            + model.type().getName()
                            + " needs a condition, got null",
                    Operation.TRANSACT_WRITE,
                    model.type(),
                    null);
        }
        table.requireWritableForWrite(Operation.TRANSACT_WRITE);
        ExpressionBuilder expr = new ExpressionBuilder();
        Conjunction check = new Conjunction();
        userCondition(check, condition, expr, Operation.TRANSACT_WRITE);
        return new PreparedWrite(
                Operation.CONDITION_CHECK,
                table,
                key,
                null,
                null,
                condition(expr, check),
                null,
                true,
                false,
                null,
                0);
    }

    public Map<String, AttributeValue> keyOfItem(T item, Operation op) {
        if (item == null) {
            throw new InvalidRequestException(
                    op.name().toLowerCase(Locale.ROOT) + " of a null " + model.type().getName(),
                    op,
                    model.type(),
                    null);
        }
        return table.keyOf(
                HookedModel.unhooked(model).toItem(item, op), op); // keys are never transformed
    }

    public Map<String, AttributeValue> keyOf(Key key, Operation op) {
        KeyArguments.requireShape(key, model, op);
        return table.key(key.partitionKey(), key.sortKey(), op);
    }
}
