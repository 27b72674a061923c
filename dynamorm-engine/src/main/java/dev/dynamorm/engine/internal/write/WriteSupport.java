package dev.dynamorm.engine.internal.write;

import dev.dynamorm.Condition;
import dev.dynamorm.ConditionFailedException;
import dev.dynamorm.DynamORMException;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.ItemAlreadyExistsException;
import dev.dynamorm.ItemNotFoundException;
import dev.dynamorm.ItemTooLargeException;
import dev.dynamorm.Operation;
import dev.dynamorm.OptimisticLockException;
import dev.dynamorm.ReturnValue;
import dev.dynamorm.WriteOptions;
import dev.dynamorm.WriteResult;
import dev.dynamorm.engine.internal.client.EngineContext;
import dev.dynamorm.engine.internal.expr.Conjunction;
import dev.dynamorm.engine.internal.expr.Expression;
import dev.dynamorm.engine.internal.expr.ExpressionBuilder;
import dev.dynamorm.engine.internal.expr.UpdateCompiler;
import dev.dynamorm.engine.internal.expr.UpdateWrites;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import dev.dynamorm.engine.internal.plugin.HookedModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * What the write path's steps share about one table: its model and managed fields, lifecycle stamps
 * and version checks, failure classification and the conversion and checks of written items. Base
 * of {@link WritePreparer} and {@link TableWriter}.
 *
 * @param <T> the model type
 */
abstract class WriteSupport<T> {

    /** DynamoDB's limit on the length of one expression. */
    public static final int MAX_EXPRESSION_BYTES = 4096;

    /** Items larger than this (90% of DynamoDB's limit) are logged as a hazard. */
    public static final long NEAR_LIMIT_BYTES = ItemSize.MAX_ITEM_BYTES * 9L / 10;

    /** At most one near-limit warning per table in this many nanoseconds (a minute). */
    public static final long NEAR_LIMIT_WARN_INTERVAL_NANOS =
            java.util.concurrent.TimeUnit.MINUTES.toNanos(1);

    static final Logger LOG = LoggerFactory.getLogger(TableWriter.class);

    final TableContext<T> table;
    final ModelMetadata<T> model;
    final EngineContext ctx;
    final String tableName;
    final FieldMetadata version;
    final FieldMetadata createdAt;
    final FieldMetadata updatedAt;
    final FieldMetadata ttl;
    final boolean lifecycle;
    final UpdateCompiler updates;

    /** Whether a key of the model is computed from a template (see {@link TemplateUpdates}). */
    final boolean keyTemplates;

    /** {@link #lastNearLimitWarning} before the first near-limit warning. */
    private static final long NEVER_WARNED = Long.MIN_VALUE;

    /** When the last near-limit warning was logged (System.nanoTime), or NEVER_WARNED. */
    final java.util.concurrent.atomic.AtomicLong lastNearLimitWarning =
            new java.util.concurrent.atomic.AtomicLong(NEVER_WARNED);

    WriteSupport(TableContext<T> table) {
        this.table = table;
        this.model = table.model();
        this.ctx = table.context();
        this.tableName = table.tableName();
        this.version = model.versionField().orElse(null);
        this.createdAt = model.createdAtField().orElse(null);
        this.updatedAt = model.updatedAtField().orElse(null);
        this.ttl = model.ttlField().orElse(null);
        this.lifecycle = version != null || createdAt != null || updatedAt != null;
        this.updates = new UpdateCompiler(model, ctx.values());
        this.keyTemplates = TemplateUpdates.applies(model);
    }

    // ---- failures ----

    /**
     * Maps a failure of a single-item write, telling apart exists / not found / version conflict.
     */
    public DynamORMException failure(PreparedWrite p, SdkException e) {
        DynamORMException mapped = table.map(e, p.op());
        if (!(mapped instanceof ConditionFailedException cf)) {
            return mapped;
        }
        return classify(p, storedItem(cf.storedItem(), p.key(), cf), mapped.getMessage(), e);
    }

    /** The exception for a failed condition of a prepared write, given the stored item. */
    public ConditionFailedException classify(
            PreparedWrite p,
            Optional<Map<String, AttributeValue>> stored,
            String message,
            Throwable cause) {
        Object storedModel = stored.map(s -> storedModel(s, p.op())).orElse(null);
        String key = table.describeKey(p.key());
        if (p.op() == Operation.CREATE && (stored.isPresent() || !p.userCondition())) {
            return new ItemAlreadyExistsException(
                    String.format(
                            Locale.ROOT,
                            "an item with key %s already exists in table '%s' (model %s)",
                            key,
                            tableName,
                            model.type().getName()),
                    model.type(),
                    stored.orElse(null),
                    storedModel,
                    cause);
        }
        if (p.requireExists() && stored.isEmpty()) {
            return new ItemNotFoundException(
                    String.format(
                            Locale.ROOT,
                            "no item with key %s in table '%s' (model %s) to update",
                            key,
                            tableName,
                            model.type().getName()),
                    p.op(),
                    model.type(),
                    cause);
        }
        if (isVersionConflict(p, stored)) {
            long found = versionOf(stored.orElse(null));
            return new OptimisticLockException(
                    String.format(
                            Locale.ROOT,
                            "version conflict on key %s in table '%s' (model %s): expected %s but %s; another writer changed "
                                    + "the item: read it again and reapply the change",
                            key,
                            tableName,
                            model.type().getName(),
                            p.expectedVersion() == 0
                                    ? "no stored version (a new item)"
                                    : "version " + p.expectedVersion(),
                            stored.isEmpty() ? "no item is stored" : "found version " + found),
                    p.op(),
                    model.type(),
                    p.expectedVersion(),
                    stored.orElse(null),
                    storedModel,
                    cause);
        }
        return new ConditionFailedException(
                message, p.op(), model.type(), stored.orElse(null), storedModel, cause);
    }

    public boolean isVersionConflict(
            PreparedWrite p, Optional<Map<String, AttributeValue>> stored) {
        if (p.expectedVersion() == null || version == null) {
            return false;
        }
        if (p.op() == Operation.DELETE && stored.isEmpty()) {
            return false;
        }
        return versionOf(stored.orElse(null)) != p.expectedVersion();
    }

    /**
     * The stored item of a failed condition: as DynamoDB returned it, or, from servers that do not
     * support ReturnValuesOnConditionCheckFailure, read with a consistent GetItem right after.
     */
    public Optional<Map<String, AttributeValue>> storedItem(
            Optional<Map<String, AttributeValue>> returned,
            Map<String, AttributeValue> key,
            Throwable failure) {
        if (returned.isPresent() && !returned.get().isEmpty()) {
            return returned;
        }
        try {
            GetItemResponse r =
                    ctx.client().getItem(b -> b.tableName(tableName).key(key).consistentRead(true));
            return r.hasItem() && !r.item().isEmpty() ? Optional.of(r.item()) : Optional.empty();
        } catch (SdkException | IllegalStateException readFailed) {
            // IllegalStateException: an instance built with only an async client has no sync
            // client to read with; the failure is then reported without the stored item
            failure.addSuppressed(readFailed);
            return Optional.empty();
        }
    }

    // ---- lifecycle ----

    public Instant now() {
        return ctx.clock().instant();
    }

    /** The version an instance carries (0 when absent), or null for unversioned models. */
    public Long versionCheck(Map<String, AttributeValue> attributes) {
        return version == null ? null : versionOf(attributes);
    }

    public long versionOf(Map<String, AttributeValue> attributes) {
        if (version == null || attributes == null) {
            return 0;
        }
        AttributeValue v = attributes.get(version.attributeName());
        if (v == null || v.n() == null) {
            return 0;
        }
        return new BigDecimal(v.n()).longValueExact();
    }

    /**
     * Adds the check of the version a write expects to a condition, if the model is versioned and
     * the write checks it.
     *
     * @param allowMissingItem whether the condition also holds when no item is stored (an upsert)
     */
    void versionCondition(
            Conjunction condition,
            Long expected,
            ExpressionBuilder expr,
            boolean allowMissingItem) {
        if (expected == null || version == null) {
            return;
        }
        String v = expr.name(version.attributeName());
        if (expected == 0) {
            condition.term("attribute_not_exists(" + v + ")");
            return;
        }
        String check = v + " = " + expr.value(AttributeValue.createN(Long.toString(expected)));
        if (allowMissingItem) {
            condition.group("attribute_not_exists(" + v + ") OR " + check);
        } else {
            condition.term(check);
        }
    }

    /** The attribute of a timestamp field for an instant, in the field's Java type. */
    public AttributeValue timestamp(FieldMetadata field, Instant now) {
        Class<?> type = field.rawType();
        Object value;
        if (type == Instant.class) {
            value = now;
        } else if (type == OffsetDateTime.class) {
            value = OffsetDateTime.ofInstant(now, ctx.clock().getZone());
        } else if (type == ZonedDateTime.class) {
            value = ZonedDateTime.ofInstant(now, ctx.clock().getZone());
        } else if (type == LocalDateTime.class) {
            value = LocalDateTime.ofInstant(now, ctx.clock().getZone());
        } else {
            value = now.toEpochMilli();
        }
        return field.toAttributeValue(value);
    }

    static boolean absent(AttributeValue v) {
        return v == null || Boolean.TRUE.equals(v.nul()) || "0".equals(v.n());
    }

    /** Whether an item's {@code @Ttl} time has passed by the engine's clock. */
    public boolean expired(Map<String, AttributeValue> item) {
        if (ttl == null || item == null) {
            return false;
        }
        AttributeValue v = item.get(ttl.attributeName());
        if (v == null || v.n() == null) {
            return false;
        }
        try {
            return new BigDecimal(v.n()).longValue() < now().getEpochSecond();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    // ---- helpers ----

    /**
     * Converts an item for writing, rejecting null items, null keys and unprotected encrypted
     * fields.
     */
    public Map<String, AttributeValue> itemToWrite(T item, Operation op, boolean checkSize) {
        if (item == null) {
            throw new InvalidRequestException(
                    op.name().toLowerCase(Locale.ROOT) + " of a null " + model.type().getName(),
                    op,
                    model.type(),
                    null);
        }
        table.requireWritableForWrite(op);
        Map<String, AttributeValue> attributes = model.toItem(item, op);
        if (checkSize) {
            checkSize(attributes, op);
        }
        return attributes;
    }

    long checkSize(Map<String, AttributeValue> attributes, Operation op) {
        long size = ItemSize.of(attributes);
        if (size > ItemSize.MAX_ITEM_BYTES) {
            throw new ItemTooLargeException(
                    String.format(
                            Locale.ROOT,
                            "item with key %s of model %s is %d bytes; DynamoDB stores at most %d bytes per item",
                            table.describeKey(table.keyOf(attributes, op)),
                            model.type().getName(),
                            size,
                            ItemSize.MAX_ITEM_BYTES),
                    op,
                    model.type(),
                    null);
        }
        if (size > NEAR_LIMIT_BYTES) {
            warnNearLimit(attributes, size);
        }
        return size;
    }

    /**
     * Logs an item close to the size limit, at most once a minute per table so large items do not
     * flood the log.
     */
    void warnNearLimit(Map<String, AttributeValue> attributes, long size) {
        long now = System.nanoTime();
        long last = lastNearLimitWarning.get();
        if ((last != NEVER_WARNED && now - last < NEAR_LIMIT_WARN_INTERVAL_NANOS)
                || !lastNearLimitWarning.compareAndSet(last, now)) {
            return;
        }
        Map<String, AttributeValue> key = new java.util.LinkedHashMap<>();
        key.put(
                model.partitionKey().attributeName(),
                attributes.get(model.partitionKey().attributeName()));
        model.sortKey()
                .ifPresent(sk -> key.put(sk.attributeName(), attributes.get(sk.attributeName())));
        key.values().removeIf(java.util.Objects::isNull);
        String shown =
                ctx.logAttributeValues() ? table.describeKey(key) : key.keySet() + "=<redacted>";
        LOG.warn(
                "item with key {} of model {} in table '{}' is {} bytes, over 90% of DynamoDB's {}-byte item "
                        + "limit: writes fail once it grows past the limit; move large attributes elsewhere (e.g. S3) or "
                        + "split the item (further warnings for this table are suppressed for a minute)",
                shown, model.type().getName(), tableName, size, ItemSize.MAX_ITEM_BYTES);
    }

    /** The condition of a write, checked against DynamoDB's length limit; null when empty. */
    Expression condition(ExpressionBuilder expr, Conjunction condition) {
        return checkLength(expr.condition(condition));
    }

    /** The update expression of a write, checked against DynamoDB's length limit. */
    Expression update(ExpressionBuilder expr, UpdateWrites writes) {
        return checkLength(expr.update(writes));
    }

    private Expression checkLength(Expression expression) {
        if (expression != null && expression.text().length() > MAX_EXPRESSION_BYTES) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "an expression for model %s is %d characters; DynamoDB accepts at most %d: split the write",
                            model.type().getName(),
                            expression.text().length(),
                            MAX_EXPRESSION_BYTES),
                    Operation.UPDATE,
                    model.type(),
                    null);
        }
        return expression;
    }

    Object written(T item, Map<String, AttributeValue> attributes) {
        if (!lifecycle) {
            return item;
        }
        if (!(model instanceof HookedModel)) {
            return fromItemSafely(attributes);
        }
        // plugins transformed the attributes (e.g. encrypted them): the item as given, with the
        // managed values
        Map<String, AttributeValue> plain = HookedModel.unhooked(model).toItem(item);
        for (FieldMetadata f : new FieldMetadata[] {version, createdAt, updatedAt}) {
            if (f != null && attributes.get(f.attributeName()) != null) {
                plain.put(f.attributeName(), attributes.get(f.attributeName()));
            }
        }
        return fromItemSafely(plain);
    }

    public Object fromItemSafely(Map<String, AttributeValue> item) {
        try {
            return model.fromItem(item);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * A stored item (of a failed condition) as a model, read through the plugins like any read (so
     * encrypted fields are decrypted), or null when it cannot be read.
     */
    public Object storedModel(Map<String, AttributeValue> stored, Operation op) {
        try {
            return model.fromItem(stored, op);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The attributes of an instance, for its key and version only (never sent whole, so not
     * transformed by plugins), rejecting null items and unprotected encrypted fields.
     */
    public Map<String, AttributeValue> itemForKey(T item, Operation op) {
        if (item == null) {
            throw new InvalidRequestException(
                    op.name().toLowerCase(Locale.ROOT) + " of a null " + model.type().getName(),
                    op,
                    model.type(),
                    null);
        }
        table.requireWritableForWrite(op);
        return HookedModel.unhooked(model).toItem(item, op);
    }

    /**
     * Passes the values an update builder sets on {@code @Encrypted} fields through the plugins'
     * write transforms as one partial item with the item's key, where the encryption plugin
     * encrypts them; the chain refuses values that come back unencrypted.
     */
    void sealEncryptedValues(
            Map<String, AttributeValue> key,
            ExpressionBuilder expr,
            UpdateCompiler.Clauses clauses) {
        if (clauses.encrypted.isEmpty()) {
            return;
        }
        Map<String, AttributeValue> values = new java.util.LinkedHashMap<>();
        clauses.encrypted.forEach(
                (attribute, placeholder) -> values.put(attribute, expr.values().get(placeholder)));
        Map<String, AttributeValue> sealed =
                ctx.executor()
                        .hooks()
                        .beforeWrite(Operation.UPDATE, tableName, model.type(), values, true, key);
        for (Map.Entry<String, String> e : clauses.encrypted.entrySet()) {
            AttributeValue v = sealed.get(e.getKey());
            if (v == null || !ctx.executor().hasHooks()) {
                throw new dev.dynamorm.PluginException(
                        String.format(
                                Locale.ROOT,
                                "the value set on @Encrypted attribute '%s' of model %s was not encrypted by any plugin: "
                                        + "refusing the update rather than writing it in plaintext",
                                e.getKey(),
                                model.type().getName()),
                        null,
                        Operation.UPDATE,
                        model.type(),
                        null);
            }
            expr.replaceValue(e.getValue(), v);
        }
    }

    /** Adds a condition the caller gave, if any, to a write's condition. */
    void userCondition(
            Conjunction condition, Condition extra, ExpressionBuilder expr, Operation op) {
        if (extra != null) {
            condition.group(ctx.conditions().compile(model, extra, expr, op));
        }
    }

    void requireReturnValue(WriteOptions options, Operation op, ReturnValue... allowed) {
        if (!Arrays.asList(allowed).contains(options.returnValue())) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "%s supports return values %s, not %s",
                            op.name().toLowerCase(Locale.ROOT),
                            Arrays.toString(allowed),
                            options.returnValue()),
                    op,
                    model.type(),
                    null);
        }
    }

    static ReturnValuesOnConditionCheckFailure onFailure(WriteOptions options) {
        return options.returnItemOnConditionFailure()
                ? ReturnValuesOnConditionCheckFailure.ALL_OLD
                : ReturnValuesOnConditionCheckFailure.NONE;
    }

    @SuppressWarnings("unchecked")
    WriteResult<T> result(
            Map<String, AttributeValue> returned, ConsumedCapacity capacity, PreparedWrite p) {
        boolean has = returned != null && !returned.isEmpty();
        return new WriteResult<>(
                has ? Optional.of(readReturned(returned, p)) : Optional.empty(),
                has ? returned : Map.of(),
                Optional.ofNullable(capacity),
                Optional.ofNullable((T) p.written()),
                has ? ReturnedFields.of(model, returned, p.key()) : Set.of());
    }

    /**
     * The attributes a write returned as a model, read through the plugins like any read (so
     * encrypted fields are decrypted); UPDATED_OLD/UPDATED_NEW lack the key, which is taken from
     * the request.
     */
    T readReturned(Map<String, AttributeValue> returned, PreparedWrite p) {
        boolean partial = !returned.containsKey(model.partitionKey().attributeName());
        Map<String, AttributeValue> item =
                ctx.executor()
                        .hooks()
                        .afterRead(p.op(), tableName, model.type(), returned, partial, p.key());
        if (partial && p.key() != null) {
            Map<String, AttributeValue> keyed = new HashMap<>(item);
            p.key().forEach(keyed::putIfAbsent);
            item = keyed;
        }
        return HookedModel.unhooked(model).fromItem(item, p.op());
    }
}
