package dev.dynamorm.plugin.metrics.internal;

import dev.dynamorm.ConditionFailedException;
import dev.dynamorm.Operation;
import dev.dynamorm.PluginException;
import dev.dynamorm.ThrottledException;
import dev.dynamorm.spi.Hook;
import dev.dynamorm.spi.HookContext;
import dev.dynamorm.spi.Outcome;
import dev.dynamorm.spi.Statistic;
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
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/** Records each request's timing, outcome, retries, throttles, conditions, unprocessed items and capacity. */
final class MetricsHook implements Hook {

    private static final Set<Operation> READS = EnumSet.of(Operation.GET, Operation.QUERY, Operation.SCAN,
            Operation.BATCH_GET, Operation.TRANSACT_GET);

    private final MeterRegistry registry;
    private final Tags common;
    private final List<Meter> statistics = new CopyOnWriteArrayList<>();

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
        String op = context.operation().name().toLowerCase(Locale.ROOT);
        String table = context.tableName();
        String model = context.modelType() == Object.class ? "none" : context.modelType().getSimpleName();
        Throwable failure = outcome.failure().orElse(null);
        Tags opTable = common.and("operation", op, "table", table);
        Timer.builder("dynamorm.operations").description("DynamORM requests, by operation, table, model and outcome")
                .tags(opTable).tag("model", model).tag("outcome", outcome(outcome, failure))
                .tag("exception", failure == null ? "none" : failure.getClass().getSimpleName())
                .register(registry).record(outcome.elapsed());
        if (outcome.attempts() > 1) {
            Counter.builder("dynamorm.retries").description("attempts after the first").tags(opTable)
                    .register(registry).increment(outcome.attempts() - 1);
        }
        if (outcome.throttles() > 0) {
            Counter.builder("dynamorm.throttles").description("throttled attempts").tags(opTable)
                    .register(registry).increment(outcome.throttles());
        }
        if (failure instanceof ConditionFailedException || failure != null
                && failure.getCause() instanceof software.amazon.awssdk.services.dynamodb.model
                        .ConditionalCheckFailedException) {
            Counter.builder("dynamorm.condition.failures").description("failed condition checks").tags(opTable)
                    .tag("model", model).register(registry).increment();
        }
        if (outcome.unprocessedItems() > 0) {
            Counter.builder("dynamorm.unprocessed.items").description("items or keys a batch request left unprocessed")
                    .tags(opTable).register(registry).increment(outcome.unprocessedItems());
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

    private Counter capacity(String table, String type) {
        return Counter.builder("dynamorm.consumed.capacity").description("capacity units consumed").baseUnit("units")
                .tags(common).tag("table", table).tag("type", type).register(registry);
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
        Meter meter = s.kind() == Statistic.Kind.COUNTER
                ? FunctionCounter.builder(s.name(), s, Statistic::value).description(s.description()).tags(tags)
                        .register(registry)
                : Gauge.builder(s.name(), s, Statistic::value).description(s.description()).tags(tags)
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
