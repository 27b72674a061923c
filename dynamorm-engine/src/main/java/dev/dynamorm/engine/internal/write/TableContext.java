package dev.dynamorm.engine.internal.write;

import dev.dynamorm.DynamORMException;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.annotations.FieldTransform;
import dev.dynamorm.engine.internal.client.EngineContext;
import dev.dynamorm.engine.internal.client.ErrorMapper;
import dev.dynamorm.engine.internal.expr.Expression;
import dev.dynamorm.engine.internal.expr.ValueBinder;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import dev.dynamorm.engine.internal.plugin.Event;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One model bound to its physical table in one {@code DynamORM} instance: what the read and write
 * paths share (model, table name, engine context, key binding and description, the events hooks
 * see, error mapping, the encrypted-fields guard, the TTL check, debug logging) and the table's
 * writer. Thread-safe.
 *
 * @param <T> the model type
 */
public final class TableContext<T> {

    private static final Logger LOG = LoggerFactory.getLogger(TableContext.class);

    private final ModelMetadata<T> model;
    private final EngineContext ctx;
    private final String tableName;
    private final boolean hideExpiredItems;
    // built at the first write or TTL check, not at registration (issue 16)
    private volatile TableWriter<T> writer;

    /**
     * Binds a model to its table.
     *
     * @param model the model (hooked when plugins are installed)
     * @param ctx the engine context
     * @param hideExpiredItems whether reads hide items whose {@code @Ttl} time has passed
     */
    public TableContext(ModelMetadata<T> model, EngineContext ctx, boolean hideExpiredItems) {
        this.model = model;
        this.ctx = ctx;
        this.tableName = ctx.tableNamePrefix() + model.tableName().orElseThrow();
        this.hideExpiredItems = hideExpiredItems;
    }

    /** The model. */
    public ModelMetadata<T> model() {
        return model;
    }

    /** The engine context. */
    public EngineContext context() {
        return ctx;
    }

    /** The model class. */
    public Class<T> modelType() {
        return model.type();
    }

    /** The physical table name (with the instance's prefix). */
    public String tableName() {
        return tableName;
    }

    /** The single-item write path of this table. */
    public TableWriter<T> writer() {
        TableWriter<T> w = writer;
        if (w == null) {
            synchronized (this) {
                w = writer;
                if (w == null) {
                    w = new TableWriter<>(this);
                    writer = w;
                }
            }
        }
        return w;
    }

    // ---- shared helpers ----

    /**
     * Refuses every write (create, put, update, delete, batch, transaction, condition check) of a
     * model with fields marked by a {@code @FieldTransform} annotation (such as {@code @Encrypted})
     * that no installed hook declares in {@code Hook.transformedFields()}: nothing of them goes on
     * the wire untransformed.
     */
    private void requireWritable(Operation op) {
        refuseUntransformed(op, "rather than writing them untransformed");
    }

    /**
     * Refuses every read (get, query, scan, batch get, transaction get) of a model whose
     * transformed fields no installed hook transforms back.
     */
    private void requireReadable(Operation op) {
        refuseUntransformed(op, "as they would be read back untransformed");
    }

    /**
     * Fails naming, per transform annotation no hook declares, the fields it marks and the plugin
     * to install (its {@code FieldTransform.plugin()}).
     */
    private void refuseUntransformed(Operation op, String why) {
        if (model.encryptedFields().isEmpty()) {
            return;
        }
        Map<Class<? extends Annotation>, List<String>> fields = new LinkedHashMap<>();
        for (FieldMetadata f : model.encryptedFields()) {
            for (Class<? extends Annotation> a : f.transforms()) {
                if (!ctx.transformedFields().contains(a)) {
                    fields.computeIfAbsent(a, k -> new ArrayList<>()).add(f.name());
                }
            }
        }
        if (fields.isEmpty()) {
            return;
        }
        List<String> what = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        fields.forEach(
                (a, names) -> {
                    what.add(
                            String.format(
                                    Locale.ROOT, "fields %s marked @%s", names, a.getSimpleName()));
                    FieldTransform t = a.getAnnotation(FieldTransform.class);
                    fixes.add(
                            t == null
                                    ? "the plugin that transforms @" + a.getSimpleName()
                                    : t.plugin());
                });
        throw new InvalidRequestException(
                String.format(
                        Locale.ROOT,
                        "model %s has %s but no installed plugin transforms them (it is absent or disabled):"
                                + " refusing %s on table '%s' %s; put %s on the path and configure it",
                        model.type().getName(),
                        String.join(" and ", what),
                        op.name().toLowerCase(Locale.ROOT),
                        tableName,
                        why,
                        String.join(" and ", fixes)),
                op,
                model.type(),
                null);
    }

    public void requireReadableForQuery(Operation op) {
        requireReadable(op);
    }

    public void requireWritableForWrite(Operation op) {
        requireWritable(op);
    }

    /**
     * Whether reads hide this item: hiding expired items is on and its {@code @Ttl} time has
     * passed. Query code should skip items for which this is true.
     */
    public boolean hidden(Map<String, AttributeValue> item) {
        return hideExpiredItems && writer().expired(item);
    }

    /** Whether reads of this table hide expired items. */
    public boolean hidesExpiredItems() {
        return hideExpiredItems;
    }

    public Map<String, AttributeValue> keyOf(Map<String, AttributeValue> attributes, Operation op) {
        Map<String, AttributeValue> key = new HashMap<>(4);
        FieldMetadata pk = model.partitionKey();
        AttributeValue pkValue = attributes.get(pk.attributeName());
        if (pkValue == null) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "partition key '%s' of model %s is null: every item needs its key",
                            pk.name(),
                            model.type().getName()),
                    op,
                    model.type(),
                    null);
        }
        key.put(pk.attributeName(), requireNonEmptyKey("partition", pk, pkValue, op));
        if (model.sortKey().isPresent()) {
            FieldMetadata sk = model.sortKey().get();
            AttributeValue skValue = attributes.get(sk.attributeName());
            if (skValue == null) {
                throw new InvalidRequestException(
                        String.format(
                                Locale.ROOT,
                                "sort key '%s' of model %s is null: every item needs its full key",
                                sk.name(),
                                model.type().getName()),
                        op,
                        model.type(),
                        null);
            }
            key.put(sk.attributeName(), requireNonEmptyKey("sort", sk, skValue, op));
        }
        return key;
    }

    /**
     * Refuses an empty string or binary key value before sending; DynamoDB refuses it too ("The
     * AttributeValue for a key attribute cannot contain an empty string value").
     */
    private AttributeValue requireNonEmptyKey(
            String role, FieldMetadata field, AttributeValue value, Operation op) {
        if (ValueBinder.isEmptyKeyValue(value)) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "%s key '%s' of model %s is empty: DynamoDB refuses empty string and"
                                    + " binary key values",
                            role,
                            field.name(),
                            model.type().getName()),
                    op,
                    model.type(),
                    null);
        }
        return value;
    }

    public Map<String, AttributeValue> key(Object partitionKey, Object sortKey, Operation op) {
        Map<String, AttributeValue> key = new HashMap<>(4);
        FieldMetadata pk = model.partitionKey();
        key.put(
                pk.attributeName(),
                requireNonEmptyKey(
                        "partition",
                        pk,
                        ctx.values().bind(model.type(), op, pk.name(), pk, partitionKey),
                        op));
        if (sortKey != null) {
            FieldMetadata sk = model.sortKey().orElseThrow();
            key.put(
                    sk.attributeName(),
                    requireNonEmptyKey(
                            "sort",
                            sk,
                            ctx.values().bind(model.type(), op, sk.name(), sk, sortKey),
                            op));
        } else if (model.sortKey().isPresent()) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "sort key '%s' of model %s is null",
                            model.sortKey().get().name(),
                            model.type().getName()),
                    op,
                    model.type(),
                    null);
        }
        return key;
    }

    public Event event(Operation op, Map<String, AttributeValue> key) {
        return new Event(op, tableName, model.type(), Optional.ofNullable(key));
    }

    /**
     * The origin of an operation on this table accepted on the calling thread, whose requests may
     * be sent later or elsewhere ({@code HookChain.origin}): null when no hook captures anything.
     */
    public Event origin(Operation op) {
        return ctx.executor().hooks().origin(op, tableName, model.type());
    }

    public DynamORMException map(SdkException e, Operation op) {
        // stored items of condition failures are read like any other (decrypted by the plugins)
        return ErrorMapper.map(e, op, model.type(), tableName, item -> model.fromItem(item, op));
    }

    /**
     * An event for a prepared write, carrying its compiled expressions (hooks read what an update
     * writes from them, and add conditions and SET actions to them).
     *
     * @param p the write
     * @return the event
     */
    public Event event(PreparedWrite p) {
        Event event = event(p.op(), p.key());
        // only hooks amend recorded expressions: without them, recording would hash the key per
        // write
        return !ctx.executor().hasHooks()
                ? event
                : event.expressions(tableName, p.key(), p.condition(), p.update());
    }

    /** Logs a prepared write's expressions at DEBUG, its values redacted unless configured. */
    public void debug(PreparedWrite p) {
        if (LOG.isDebugEnabled()) {
            String text =
                    p.update() == null
                            ? Expression.textOf(p.condition())
                            : p.update().text()
                                    + (p.condition() == null ? "" : " IF " + p.condition().text());
            Map<String, AttributeValue> values = p.values();
            LOG.debug(
                    "{} {} expression=[{}] names={} values={}",
                    p.op(),
                    tableName,
                    text,
                    p.names(),
                    ctx.logAttributeValues() ? values : redacted(values));
        }
    }

    private static Object redacted(Map<String, AttributeValue> values) {
        return values == null ? null : values.keySet() + "=<redacted>";
    }

    public String describeKey(Map<String, AttributeValue> key) {
        StringJoiner out = new StringJoiner(", ", "{", "}");
        key.forEach((k, v) -> out.add(k + "=" + scalar(v)));
        return out.toString();
    }

    private static String scalar(AttributeValue v) {
        if (v.s() != null) {
            return "'" + v.s() + "'";
        }
        if (v.n() != null) {
            return v.n();
        }
        return v.type().name();
    }
}
