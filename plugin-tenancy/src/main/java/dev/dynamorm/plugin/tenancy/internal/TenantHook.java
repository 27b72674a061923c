package dev.dynamorm.plugin.tenancy.internal;

import dev.dynamorm.Condition;
import dev.dynamorm.Hook;
import dev.dynamorm.HookContext;
import dev.dynamorm.ItemContext;
import dev.dynamorm.ItemRef;
import dev.dynamorm.ModelInfo;
import dev.dynamorm.Operation;
import dev.dynamorm.OperationEvent;
import dev.dynamorm.plugin.tenancy.TenancyException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Binds the key lookups and writes of tenant models to the current tenant:
 *
 * <ul>
 *   <li>before each request, every item it names: a tenant in the key must be the current one; an
 *       update may not set another tenant or remove it; a single-item write of a model whose tenant
 *       is not in the key gets the condition {@code attribute_not_exists(pk) OR tenant = current},
 *       and an update of such a model also sets the tenant (so an upsert that creates the item
 *       stamps it); a batch or transactional write of such a model is refused (it cannot be
 *       conditioned);
 *   <li>each item written is stamped with the current tenant (an item of another tenant is
 *       refused);
 *   <li>each item read must carry the tenant its request was sent for (stored by {@link #before} on
 *       the calling thread), or else the current one.
 * </ul>
 *
 * <p>The tenant of a request is the one captured on the caller's thread for the operation it is
 * sent for ({@link #capture}: batch chunks and their resends, a batch writer's writes, the pages of
 * the async view, parallel scans), else the current one.
 */
final class TenantHook implements Hook {

    /** The request attribute holding the tenant a request was sent for (see {@link #before}). */
    static final String TENANT = "tenancy:tenant";

    private final TenancyPlugin plugin;

    TenantHook(TenancyPlugin plugin) {
        this.plugin = plugin;
    }

    /**
     * Captures the caller's tenant for an operation of a tenant model whose requests may be sent
     * later or from another thread (batch chunks and resends, a batch writer's writes, async
     * pages): {@link #before} binds them to it rather than to the sending thread's tenant.
     */
    @Override
    public void capture(OperationEvent operation, Map<String, Object> attributes) {
        if (plugin.field(operation.modelType()).isPresent()) {
            plugin.currentId().ifPresent(t -> attributes.put(TENANT, t));
        }
    }

    @Override
    public void before(HookContext context) {
        // the tenant captured on the caller's thread for the operation this request is sent for,
        // else the current one (this thread's): a request sent on another thread, or later, is
        // bound to the caller's tenant, never to the sending thread's
        Optional<String> tenant =
                context.attribute(TENANT) instanceof String carried
                        ? Optional.of(carried)
                        : plugin.currentId();
        boolean tenantModel = plugin.field(context.modelType()).isPresent();
        for (ItemRef ref : context.items()) {
            Optional<TenantField> field = plugin.field(ref.modelType().orElse(null));
            if (field.isPresent()) {
                tenantModel = true;
                check(context, ref, field.get(), tenant);
            }
        }
        if (tenantModel && tenant.isPresent()) {
            // the items this request reads are checked against the tenant it was bound to: the
            // async view converts them on the thread completing it
            context.attribute(TENANT, tenant.get());
        }
    }

    private void check(HookContext context, ItemRef ref, TenantField f, Optional<String> id) {
        Operation op = context.operation();
        String verb = verb(ref.action());
        TenantField.Tenant tenant = plugin.bind(f, id, op, verb);
        boolean writesTenant =
                ref.action() == ItemRef.Action.UPDATE
                        && ref.changedAttributes().contains(f.attribute());
        if (writesTenant
                && !ref.item()
                        .map(i -> tenant.stored().equals(i.get(f.attribute())))
                        .orElse(false)) {
            throw refused(
                    f,
                    op,
                    String.format(
                            Locale.ROOT,
                            "an update may not set or remove the tenant field '%s'",
                            f.field()));
        }
        if (f.inKey()) {
            AttributeValue v = ref.key().get(f.attribute());
            if (!tenant.stored().equals(v)) {
                throw foreign(f, op, verb, tenant.id());
            }
            return;
        }
        if (ref.action() == ItemRef.Action.GET) {
            return; // checked when read (afterRead): GetItem takes no condition
        }
        boolean single =
                !context.transactional()
                        && (op == Operation.CREATE
                                || op == Operation.PUT
                                || op == Operation.UPDATE
                                || op == Operation.DELETE);
        if (!single) {
            throw refused(
                    f,
                    op,
                    String.format(
                            Locale.ROOT,
                            "a %s cannot be bound to the tenant because the tenant field '%s' is"
                                    + " not part of the key and DynamoDB cannot condition it; use"
                                    + " single-item writes, or make '%s' the partition key",
                            op == Operation.BATCH_WRITE ? "batch write" : "transactional write",
                            f.field(),
                            f.field()));
        }
        context.addCondition(
                Condition.notExists(f.partitionKeyField())
                        .or(Condition.when(f.field(), "=", tenant.value())));
        if (op == Operation.UPDATE && !writesTenant) {
            // an upsert may create the item: it must carry the tenant like a put's item does
            context.setOnUpdate(f.field(), tenant.stored());
        }
    }

    @Override
    public Map<String, AttributeValue> beforeWrite(
            ItemContext context, Map<String, AttributeValue> item) {
        Optional<TenantField> field = field(context);
        if (field.isEmpty()) {
            return item;
        }
        TenantField f = field.get();
        Operation op = context.operation();
        AttributeValue v = item.get(f.attribute());
        if (context.partial()) {
            if (v != null && !plugin.current(f, op, "update").stored().equals(v)) {
                throw refused(
                        f,
                        op,
                        String.format(
                                Locale.ROOT,
                                "an update may not set the tenant field '%s'",
                                f.field()));
            }
            return item;
        }
        TenantField.Tenant tenant = plugin.current(f, op, "write");
        if (v == null || Boolean.TRUE.equals(v.nul())) {
            Map<String, AttributeValue> stamped = new HashMap<>(item);
            stamped.put(f.attribute(), tenant.stored());
            return stamped;
        }
        if (!tenant.stored().equals(v)) {
            throw foreign(f, op, "write", tenant.id());
        }
        return item;
    }

    @Override
    public Map<String, AttributeValue> afterRead(
            ItemContext context, Map<String, AttributeValue> item) {
        Optional<TenantField> field = field(context);
        if (field.isEmpty()) {
            return item;
        }
        TenantField f = field.get();
        Operation op = context.operation();
        TenantField.Tenant tenant =
                requestTenant(context)
                        .map(t -> f.bind(t, op))
                        .orElseGet(() -> plugin.current(f, op, "read"));
        AttributeValue v = item.get(f.attribute());
        if (v == null ? !context.partial() : !tenant.stored().equals(v)) {
            throw new TenancyException(
                    String.format(
                            Locale.ROOT,
                            "tenant '%s' may not read an item of another tenant from table '%s'"
                                    + " (model %s); the item was not returned",
                            tenant.id(),
                            f.tableName(),
                            f.modelType().getName()),
                    op,
                    f.modelType());
        }
        return item;
    }

    /**
     * The tenant the request reading the item was sent for, or empty (an item read by no request,
     * or a context made outside the engine): then the calling thread's tenant applies.
     */
    private static Optional<String> requestTenant(ItemContext context) {
        Object tenant;
        try {
            tenant = context.attribute(TENANT);
        } catch (UnsupportedOperationException notKnown) {
            return Optional.empty(); // an ItemContext implemented outside the engine
        }
        return tenant instanceof String s ? Optional.of(s) : Optional.empty();
    }

    private Optional<TenantField> field(ItemContext context) {
        Optional<ModelInfo> model = context.model();
        return model.isEmpty() ? Optional.empty() : plugin.field(model.get().type(), model.get());
    }

    private static String verb(ItemRef.Action action) {
        return switch (action) {
            case PUT -> "write";
            case UPDATE -> "update";
            case DELETE -> "delete";
            case CONDITION_CHECK -> "condition check";
            case GET -> "read";
        };
    }

    private static TenancyException foreign(TenantField f, Operation op, String verb, String t) {
        return new TenancyException(
                String.format(
                        Locale.ROOT,
                        "tenant '%s' may not %s an item of another tenant in table '%s' (model %s);"
                                + " nothing was sent",
                        t,
                        verb,
                        f.tableName(),
                        f.modelType().getName()),
                op,
                f.modelType());
    }

    private static TenancyException refused(TenantField f, Operation op, String why) {
        return new TenancyException(
                String.format(
                        Locale.ROOT,
                        "%s on model %s (table '%s'): %s; nothing was sent",
                        op,
                        f.modelType().getName(),
                        f.tableName(),
                        why),
                op,
                f.modelType());
    }
}
