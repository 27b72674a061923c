package dev.dynamorm.plugin.audit.internal;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Hook;
import dev.dynamorm.HookContext;
import dev.dynamorm.ItemRef;
import dev.dynamorm.ModelInfo;
import dev.dynamorm.Operation;
import dev.dynamorm.Outcome;
import dev.dynamorm.PluginContext;
import dev.dynamorm.Table;
import dev.dynamorm.plugin.audit.ActorProvider;
import dev.dynamorm.plugin.audit.AuditConfig;
import dev.dynamorm.plugin.audit.AuditEntry;
import dev.dynamorm.plugin.audit.AuditRecord;
import dev.dynamorm.plugin.audit.AuditSink;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Builds one {@link AuditRecord} per item written by a successful request and hands it to the
 * sinks. For transactions with the table sink on, the audit items are added to the transaction
 * itself in the before-hook, so they exist iff the transaction commits.
 */
final class AuditHook implements Hook {

    private static final Logger LOG = LoggerFactory.getLogger(AuditHook.class);
    private static final Set<Operation> WRITES =
            EnumSet.of(
                    Operation.CREATE,
                    Operation.PUT,
                    Operation.UPDATE,
                    Operation.DELETE,
                    Operation.BATCH_WRITE,
                    Operation.TRANSACT_WRITE);
    private static final Set<Operation> SINGLE =
            EnumSet.of(Operation.PUT, Operation.UPDATE, Operation.DELETE);
    private static final String BEFORE = "audit:before";
    private static final String IN_TRANSACTION = "audit:inTransaction";
    private static final String ENCRYPTED = "<encrypted>";
    private static final String REDACTED = "<redacted>";

    private final PluginContext context;
    private final Clock clock;
    private final DynamoDbClient client;
    private final AuditConfig config;
    private final ActorProvider actors;
    private final LogSink log;
    private final List<AuditSink> sinks;
    private volatile Table<AuditEntry> auditTable;

    AuditHook(
            PluginContext context,
            AuditConfig config,
            ActorProvider actors,
            LogSink log,
            List<AuditSink> sinks) {
        this.context = context;
        this.clock = context.clock();
        this.client = context.client();
        this.config = config;
        this.actors = actors;
        this.log = log;
        this.sinks = List.copyOf(sinks);
    }

    /** The audit table, created on first use. */
    private Table<AuditEntry> auditTable() {
        Table<AuditEntry> t = auditTable;
        if (t == null) {
            synchronized (this) {
                t = auditTable;
                if (t == null) {
                    DynamORM db = context.dynamorm();
                    t = db.table(AuditEntry.class);
                    t.createTableIfMissing();
                    auditTable = t;
                }
            }
        }
        return t;
    }

    private boolean isAuditTable(String table) {
        return config.tableSink() && table.equals(auditTable().tableName());
    }

    @Override
    public void before(HookContext ctx) {
        Operation op = ctx.operation();
        if (!WRITES.contains(op)) {
            return;
        }
        if (config.images()
                && SINGLE.contains(op)
                && ctx.key().isPresent()
                && !isAuditTable(ctx.tableName())) {
            ctx.attribute(BEFORE, read(ctx.tableName(), ctx.key().get()).orElse(Map.of()));
        }
        if (op == Operation.TRANSACT_WRITE && config.tableSink()) {
            List<AuditRecord> records = records(ctx, Set.of(), true);
            String table = auditTable().tableName();
            for (AuditRecord r : records) {
                ctx.addTransactionPut(
                        table, auditTable().toItem(AuditEntry.of(r, UUID.randomUUID().toString())));
            }
            ctx.attribute(IN_TRANSACTION, records);
        }
    }

    @Override
    public void after(HookContext ctx, Outcome outcome) {
        Operation op = ctx.operation();
        if (!WRITES.contains(op) || !outcome.succeeded()) {
            return;
        }
        if (log == null && sinks.isEmpty() && !config.tableSink()) {
            return; // no sink would receive the records: building them is wasted work on every
            // write
        }
        List<AuditRecord> records;
        boolean writtenToTable = false;
        if (ctx.attribute(IN_TRANSACTION) instanceof List<?> inTx) {
            records = new ArrayList<>();
            inTx.forEach(r -> records.add((AuditRecord) r));
            writtenToTable = true;
        } else {
            records = records(ctx, unprocessed(outcome), false);
        }
        for (AuditRecord r : records) {
            if (config.tableSink() && !writtenToTable) {
                auditTable().put(AuditEntry.of(r, UUID.randomUUID().toString()));
            }
            for (AuditSink sink : sinks) {
                try {
                    sink.write(r);
                } catch (RuntimeException e) {
                    LOG.warn(
                            "audit sink {} failed for {} on {}",
                            sink.getClass().getName(),
                            r.operation(),
                            r.tableName(),
                            e);
                }
            }
        }
        if (log != null) {
            try {
                log.write(records);
            } catch (RuntimeException e) {
                LOG.warn("audit log sink failed for {}", ctx.operation(), e);
            }
        }
    }

    /**
     * Keys of batch items DynamoDB left unprocessed: they are audited when a later request writes
     * them.
     */
    private static Set<Map<String, AttributeValue>> unprocessed(Outcome outcome) {
        if (outcome.unprocessedItems() == 0
                || !(outcome.response().orElse(null) instanceof BatchWriteItemResponse r)) {
            return Set.of();
        }
        Set<Map<String, AttributeValue>> out = new HashSet<>();
        for (List<WriteRequest> writes : r.unprocessedItems().values()) {
            for (WriteRequest w : writes) {
                out.add(w.putRequest() != null ? w.putRequest().item() : w.deleteRequest().key());
            }
        }
        return out;
    }

    private List<AuditRecord> records(
            HookContext ctx, Set<Map<String, AttributeValue>> skipped, boolean beforeSend) {
        List<AuditRecord> out = new ArrayList<>();
        String actor = actors.currentActor().orElse("unknown");
        java.time.Instant now = clock.instant();
        for (ItemRef ref : ctx.items()) {
            if (ref.action() == ItemRef.Action.GET
                    || ref.action() == ItemRef.Action.CONDITION_CHECK
                    || isAuditTable(ref.tableName())
                    || skipped.contains(ref.key())
                    || (ref.item().isPresent() && skipped.contains(ref.item().get()))) {
                continue;
            }
            // transactions span tables: their items' models are looked up, so encrypted fields stay
            // hidden
            Optional<ModelInfo> model =
                    ref.modelType().flatMap(t -> sameModel(ctx, t).or(() -> context.model(t)));
            Map<String, AttributeValue> before = beforeSend ? null : beforeImage(ctx);
            Map<String, AttributeValue> after = beforeSend ? null : afterImage(ctx, ref);
            Operation op = ctx.operation();
            out.add(
                    new AuditRecord(
                            op,
                            ref.tableName(),
                            ref.modelType().map(Class::getName).orElse(""),
                            Values.renderKey(ref.key()),
                            actor,
                            now,
                            changed(ref, before, model),
                            image(before, model),
                            image(after, model),
                            ctx.transactional()));
        }
        return out;
    }

    private static Optional<ModelInfo> sameModel(HookContext ctx, Class<?> type) {
        return ctx.model().filter(m -> m.type() == type);
    }

    private Map<String, AttributeValue> beforeImage(HookContext ctx) {
        Object b = ctx.attribute(BEFORE);
        if (!(b instanceof Map<?, ?> m)) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, AttributeValue> before = (Map<String, AttributeValue>) m;
        return before.isEmpty() ? null : before;
    }

    private Map<String, AttributeValue> afterImage(HookContext ctx, ItemRef ref) {
        if (!config.images()) {
            return null;
        }
        return switch (ref.action()) {
            case PUT -> ref.item().orElse(null);
            case UPDATE ->
                    ctx.key().isPresent() ? read(ref.tableName(), ref.key()).orElse(null) : null;
            default -> null;
        };
    }

    private Optional<Map<String, AttributeValue>> read(
            String table, Map<String, AttributeValue> key) {
        GetItemResponse r = client.getItem(b -> b.tableName(table).key(key).consistentRead(true));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(r.item()) : Optional.empty();
    }

    /**
     * Changed fields: the attributes written or removed, or that differ from the before image; Java
     * names.
     */
    private static List<String> changed(
            ItemRef ref, Map<String, AttributeValue> before, Optional<ModelInfo> model) {
        Set<String> attributes = new HashSet<>();
        switch (ref.action()) {
            case PUT -> {
                Map<String, AttributeValue> item = ref.item().orElse(Map.of());
                if (before == null) {
                    attributes.addAll(ref.changedAttributes());
                } else {
                    for (String a : ref.changedAttributes()) {
                        if (!item.get(a).equals(before.get(a))) {
                            attributes.add(a);
                        }
                    }
                    for (String a : before.keySet()) {
                        if (!item.containsKey(a)) {
                            attributes.add(a);
                        }
                    }
                }
            }
            case UPDATE -> attributes.addAll(ref.changedAttributes());
            case DELETE -> {
                if (before != null) {
                    attributes.addAll(before.keySet());
                    attributes.removeAll(ref.key().keySet());
                }
            }
            default -> {}
        }
        Map<String, String> toField = new HashMap<>();
        model.ifPresent(
                m ->
                        m.attributeNames()
                                .forEach((field, attribute) -> toField.put(attribute, field)));
        Set<String> out = new TreeSet<>();
        for (String a : attributes) {
            out.add(toField.getOrDefault(a, a));
        }
        return List.copyOf(out);
    }

    private Map<String, String> image(Map<String, AttributeValue> item, Optional<ModelInfo> model) {
        if (item == null) {
            return null;
        }
        // every transformed attribute (encrypted, tokenized...) stays hidden, whatever its plugin
        Set<String> encrypted = model.map(ModelInfo::transformedAttributes).orElse(Set.of());
        Map<String, String> toField = new HashMap<>();
        model.ifPresent(
                m ->
                        m.attributeNames()
                                .forEach((field, attribute) -> toField.put(attribute, field)));
        Map<String, String> out = new TreeMap<>();
        item.forEach(
                (attribute, value) -> {
                    String field = toField.getOrDefault(attribute, attribute);
                    if (encrypted.contains(attribute)) {
                        out.put(attribute, ENCRYPTED);
                    } else if (config.redacted().contains(attribute)
                            || config.redacted().contains(field)) {
                        out.put(attribute, REDACTED);
                    } else {
                        out.put(attribute, Values.render(value));
                    }
                });
        return out;
    }
}
