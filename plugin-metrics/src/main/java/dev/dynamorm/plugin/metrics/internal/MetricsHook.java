package dev.dynamorm.plugin.metrics.internal;

import dev.dynamorm.ConditionFailedException;
import dev.dynamorm.Hook;
import dev.dynamorm.HookContext;
import dev.dynamorm.Operation;
import dev.dynamorm.Outcome;
import dev.dynamorm.PluginException;
import dev.dynamorm.Statistic;
import dev.dynamorm.ThrottledException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/**
 * Records each request's timing, outcome, retries, throttles, conditions, unprocessed items and
 * capacity.
 */
final class MetricsHook implements Hook {

    private static final Set<Operation> READS =
            EnumSet.of(
                    Operation.GET,
                    Operation.QUERY,
                    Operation.SCAN,
                    Operation.BATCH_GET,
                    Operation.TRANSACT_GET);

    private final MeterRegistry registry;
    private final Tags common;
    private final List<Meter> statistics = new CopyOnWriteArrayList<>();

    /** The request timers, looked up once per (operation, table, model, outcome, exception). */
    private final ConcurrentMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    /** The consumed-capacity counters, per (table, read or write). */
    private final ConcurrentMap<CapacityKey, Counter> capacities = new ConcurrentHashMap<>();

    MetricsHook(MeterRegistry registry, List<Tag> commonTags) {
        this.registry = registry;
        this.common = Tags.of(commonTags);
    }

    @Override
    public boolean wantsConsumedCapacity() {
        return true;
    }

    @Override
    public void after(HookContext context, Outcome outcome) {
        Throwable failure = outcome.failure().orElse(null);
        String outcomeTag = outcome(outcome, failure);
        TimerKey key =
                new TimerKey(
                        context.operation(),
                        context.tableName(),
                        context.modelType(),
                        outcomeTag,
                        failure == null ? null : failure.getClass());
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = timers.computeIfAbsent(key, this::timer);
        }
        timer.record(outcome.elapsed());
        if (outcome.attempts() <= 1
                && outcome.throttles() <= 0
                && failure == null
                && outcome.unprocessedItems() <= 0
                && outcome.consumedCapacity().isEmpty()) {
            return; // the common case: nothing else to record, no tags to build
        }
        String op = context.operation().name().toLowerCase(Locale.ROOT);
        String table = context.tableName();
        String model = modelTag(context.modelType());
        Tags opTable = common.and("operation", op, "table", table);
        if (outcome.attempts() > 1) {
            Counter.builder("dynamorm.retries")
                    .description("attempts after the first")
                    .tags(opTable)
                    .register(registry)
                    .increment(outcome.attempts() - 1);
        }
        if (outcome.throttles() > 0) {
            Counter.builder("dynamorm.throttles")
                    .description("throttled attempts")
                    .tags(opTable)
                    .register(registry)
                    .increment(outcome.throttles());
        }
        if (failure instanceof ConditionFailedException
                || (failure != null
                        && failure.getCause()
                                instanceof
                                software.amazon.awssdk.services.dynamodb.model
                                        .ConditionalCheckFailedException)) {
            Counter.builder("dynamorm.condition.failures")
                    .description("failed condition checks")
                    .tags(opTable)
                    .tag("model", model)
                    .register(registry)
                    .increment();
        }
        if (outcome.unprocessedItems() > 0) {
            Counter.builder("dynamorm.unprocessed.items")
                    .description("items or keys a batch request left unprocessed")
                    .tags(opTable)
                    .register(registry)
                    .increment(outcome.unprocessedItems());
        }
        for (ConsumedCapacity c : outcome.consumedCapacity()) {
            String t = c.tableName() == null ? table : c.tableName();
            double read = nz(c.readCapacityUnits());
            double write = nz(c.writeCapacityUnits());
            if (read == 0 && write == 0) {
                if (READS.contains(context.operation())) {
                    read = nz(c.capacityUnits());
                } else {
                    write = nz(c.capacityUnits());
                }
            }
            if (read > 0) {
                capacity(t, "read").increment(read);
            }
            if (write > 0) {
                capacity(t, "write").increment(write);
            }
        }
    }

    /** What identifies one request timer: its tags before the common ones. */
    private record TimerKey(
            Operation operation,
            String table,
            Class<?> model,
            String outcome,
            Class<?> exception) {}

    private Timer timer(TimerKey k) {
        return Timer.builder("dynamorm.operations")
                .description("DynamORM requests, by operation, table, model and " + "outcome")
                .tags(common)
                .tag("operation", k.operation().name().toLowerCase(Locale.ROOT))
                .tag("table", k.table())
                .tag("model", modelTag(k.model()))
                .tag("outcome", k.outcome())
                .tag("exception", k.exception() == null ? "none" : k.exception().getSimpleName())
                .register(registry);
    }

    private static String modelTag(Class<?> type) {
        return type == Object.class ? "none" : type.getSimpleName();
    }

    private record CapacityKey(String table, String type) {}

    private Counter capacity(String table, String type) {
        return capacities.computeIfAbsent(
                new CapacityKey(table, type), k -> capacityCounter(k.table(), k.type()));
    }

    private Counter capacityCounter(String table, String type) {
        return Counter.builder("dynamorm.consumed.capacity")
                .description("capacity units consumed")
                .baseUnit("units")
                .tags(common)
                .tag("table", table)
                .tag("type", type)
                .register(registry);
    }

    private static double nz(Double d) {
        return d == null ? 0 : d;
    }

    private static String outcome(Outcome outcome, Throwable failure) {
        if (failure == null) {
            return outcome.servedByHook() ? "cache_hit" : "success";
        }
        if (failure instanceof ConditionFailedException) {
            return "condition_failed";
        }
        if (failure instanceof ThrottledException) {
            return "throttled";
        }
        if (failure instanceof PluginException) {
            return "vetoed";
        }
        return "error";
    }

    /** Exports a statistic another plugin published. */
    void register(Statistic s) {
        Tags tags = common;
        for (Map.Entry<String, String> t : s.tags().entrySet()) {
            tags = tags.and(t.getKey(), t.getValue());
        }
        Meter meter =
                s.kind() == Statistic.Kind.COUNTER
                        ? FunctionCounter.builder(s.name(), s, Statistic::value)
                                .description(s.description())
                                .tags(tags)
                                .register(registry)
                        : Gauge.builder(s.name(), s, Statistic::value)
                                .description(s.description())
                                .tags(tags)
                                .register(registry);
        statistics.add(meter);
    }

    /** Removes the exported statistics, whose owners are shutting down. */
    void removeStatistics() {
        for (Meter m : statistics) {
            registry.remove(m);
        }
        statistics.clear();
    }
}
