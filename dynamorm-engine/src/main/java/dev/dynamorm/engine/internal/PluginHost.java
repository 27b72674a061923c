package dev.dynamorm.engine.internal;

import dev.dynamorm.DynamORMConfig;
import dev.dynamorm.spi.Hook;
import dev.dynamorm.spi.Plugin;
import dev.dynamorm.spi.PluginContext;
import java.security.CodeSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Installs plugins: the explicitly registered ones, then (unless disabled) those found by
 * {@link ServiceLoader}, one per class, ordered by {@link Plugin#order()} then name; initializes
 * them, collects their hooks, and shuts them down in reverse order.
 */
final class PluginHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final List<Plugin> installed;
    private final List<Hook> hooks;

    PluginHost(DynamORMConfig config, DynamoDbClient client) {
        Map<Class<?>, Plugin> byClass = new LinkedHashMap<>();
        config.plugins().forEach(p -> byClass.putIfAbsent(p.getClass(), p));
        if (config.discoverPlugins()) {
            for (Plugin p : load()) {
                if (config.disabledPlugins().contains(p.name())) {
                    LOG.info("plugin {} found but disabled by configuration", p.name());
                    continue;
                }
                byClass.putIfAbsent(p.getClass(), p);
            }
        }
        List<Plugin> ordered = new ArrayList<>(byClass.values());
        ordered.sort(Comparator.comparingInt(Plugin::order).thenComparing(Plugin::name));
        List<Plugin> ready = new ArrayList<>();
        List<Hook> collected = new ArrayList<>();
        PluginContext context = new Context(config.clock(), client);
        for (Plugin p : ordered) {
            try {
                p.initialize(context);
                collected.addAll(p.hooks());
            } catch (RuntimeException e) {
                ready.add(p);
                shutdown(ready.subList(0, ready.size() - 1));
                throw new IllegalStateException("plugin '" + p.name() + "' (" + p.getClass().getName()
                        + ") failed to initialize: " + e.getMessage(), e);
            }
            ready.add(p);
            LOG.info("installed plugin {} {} from {}", p.name(), p.version(), source(p));
        }
        this.installed = List.copyOf(ready);
        this.hooks = List.copyOf(collected);
    }

    private static List<Plugin> load() {
        List<Plugin> found = new ArrayList<>();
        ServiceLoader.load(Plugin.class).forEach(found::add);
        if (found.isEmpty()) {
            ServiceLoader.load(Plugin.class, PluginHost.class.getClassLoader()).forEach(found::add);
        }
        return found;
    }

    private static String source(Plugin p) {
        CodeSource cs = p.getClass().getProtectionDomain().getCodeSource();
        return cs == null || cs.getLocation() == null ? "unknown location" : cs.getLocation().toString();
    }

    List<Hook> hooks() {
        return hooks;
    }

    List<String> names() {
        return installed.stream().map(Plugin::name).toList();
    }

    boolean has(String name) {
        return installed.stream().anyMatch(p -> p.name().equals(name));
    }

    @Override
    public void close() {
        shutdown(installed);
    }

    private static void shutdown(List<Plugin> plugins) {
        for (int i = plugins.size() - 1; i >= 0; i--) {
            try {
                plugins.get(i).shutdown();
            } catch (RuntimeException e) {
                LOG.warn("plugin {} failed to shut down", plugins.get(i).name(), e);
            }
        }
    }

    private record Context(Clock clock, DynamoDbClient client) implements PluginContext {
        @Override
        public Map<String, String> properties() {
            return Map.of();
        }
    }
}
