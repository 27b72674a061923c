package dev.dynamorm.engine.internal.plugin;

import dev.dynamorm.DynamORM;
import dev.dynamorm.DynamORMConfig;
import dev.dynamorm.Hook;
import dev.dynamorm.Operation;
import dev.dynamorm.Plugin;
import dev.dynamorm.PluginConfig;
import dev.dynamorm.PluginContext;
import dev.dynamorm.Statistic;
import dev.dynamorm.spi.Suggestions;
import java.security.CodeSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Installs plugins: the explicitly registered ones, then (unless disabled) those found by {@link
 * ServiceLoader}, one per class, ordered by {@link Plugin#order()}, name, then class name;
 * initializes them with their configuration, collects their hooks into a {@link HookChain}, relays
 * the statistics they publish, and shuts them down in reverse order.
 */
public final class PluginHost implements AutoCloseable, ModifierSource {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final List<Plugin> installed;

    /**
     * The installed hooks, null when there are none: an engine without hooks loads no class of the
     * hook machinery ({@code HookChain} and the hook API types its verification names).
     */
    private final HookChain chain;

    /** The chain, for contexts created before it exists (null until then, and without hooks). */
    private final AtomicReference<HookChain> chainRef = new AtomicReference<>();

    /**
     * Made at the first plugin or statistic: an engine without plugins loads no class for it before
     * its first answer. Guarded by {@code this}.
     */
    private Statistics statistics;

    /**
     * A host of the registered plugins and, when the configuration discovers plugins, of those
     * found now with {@link Services#plugins()}.
     */
    public PluginHost(DynamORMConfig config, DynamoDbClient client, DynamORM owner) {
        this(config, client, owner, config.discoverPlugins() ? Services.plugins() : List.of());
    }

    /**
     * A host of the registered plugins and, when the configuration discovers plugins, of {@code
     * discovered}.
     *
     * @param discovered the plugins {@link Services#plugins()} found; ignored when the
     *     configuration does not discover plugins
     */
    public PluginHost(
            DynamORMConfig config, DynamoDbClient client, DynamORM owner, List<Plugin> discovered) {
        Map<Class<?>, Plugin> byClass = new LinkedHashMap<>();
        // loops, not lambdas: each lambda spins a hidden class while a cold JVM builds the engine
        for (Plugin p : config.plugins()) {
            byClass.putIfAbsent(p.getClass(), p);
        }
        List<Plugin> found = config.discoverPlugins() ? discovered : List.of();
        requireKnownNames(config, config.plugins(), found);
        if (config.discoverPlugins()) {
            for (Plugin p : found) {
                if (config.disabledPlugins().contains(p.name())) {
                    LOG.info(
                            "plugin {} ({}) found but disabled by configuration",
                            p.name(),
                            p.getClass().getName());
                    continue;
                }
                byClass.putIfAbsent(p.getClass(), p);
            }
        }
        List<Plugin> ordered = new ArrayList<>(byClass.values());
        if (ordered.size() > 1) {
            ordered.sort(
                    Comparator.comparingInt(Plugin::order)
                            .thenComparing(Plugin::name)
                            .thenComparing(p -> p.getClass().getName()));
        }
        requireUniqueNames(ordered);
        List<Plugin> ready = new ArrayList<>();
        List<HookChain.Entry> collected = new ArrayList<>();
        for (Plugin p : ordered) {
            try {
                p.initialize(Context.of(p.name(), config, client, owner, stats(), chainRef));
                for (Hook hook : Objects.requireNonNull(p.hooks(), "hooks()")) {
                    collected.add(
                            new HookChain.Entry(p.name(), Objects.requireNonNull(hook, "hook")));
                }
            } catch (RuntimeException e) {
                ready.add(p);
                shutdown(ready);
                throw PluginFailures.of(
                        String.format(
                                Locale.ROOT,
                                "plugin '%s' (%s from %s) failed to initialize: %s; fix its configuration, or disable it "
                                        + "with disablePlugin(\"%s\")",
                                p.name(),
                                p.getClass().getName(),
                                source(p),
                                e.getMessage(),
                                p.name()),
                        p.name(),
                        Operation.REGISTER,
                        null,
                        e);
            }
            ready.add(p);
            LOG.info("installed plugin {} {} from {}", p.name(), p.version(), source(p));
        }
        this.installed = List.copyOf(ready);
        this.chain = collected.isEmpty() ? null : new HookChain(collected);
        chainRef.set(chain);
        warnUnused(config);
        if (!collected.isEmpty()) {
            HookChain c = chain;
            stats().publish(
                            Statistic.counter(
                                    "dynamorm.plugins.after.hook.failures",
                                    "after-hook invocations that threw (logged; the operation's outcome was unchanged)",
                                    Map.of(),
                                    () -> (double) c.afterFailures()));
        }
    }

    /**
     * Fails when a plugin name in the configuration ({@code disablePlugin}, {@code
     * dynamorm.plugin.<name>.*}) is not a plugin found but is close to one: a typo that would
     * otherwise be ignored. A name close to none is a plugin whose jar is absent: allowed (logged).
     */
    private static void requireKnownNames(
            DynamORMConfig config, List<Plugin> registered, List<Plugin> discovered) {
        Set<String> found = new java.util.TreeSet<>();
        for (Plugin p : registered) {
            found.add(p.name());
        }
        for (Plugin p : discovered) {
            found.add(p.name());
        }
        for (String name : config.disabledPlugins()) {
            if (!found.contains(name)) {
                Optional<String> near = Suggestions.nearest(name, found);
                if (near.isPresent()) {
                    throw unknownName(
                            String.format(
                                    Locale.ROOT,
                                    "disablePlugin(\"%s\") names no plugin; did you mean '%s'? plugins found: %s",
                                    name,
                                    near.get(),
                                    found),
                            name);
                }
                LOG.info("plugin '{}' disabled by configuration is not on the path", name);
            }
        }
        for (String name : config.pluginProperties().keySet()) {
            if (!found.contains(name)) {
                Optional<String> near = Suggestions.nearest(name, found);
                if (near.isPresent()) {
                    throw unknownName(
                            String.format(
                                    Locale.ROOT,
                                    "properties given for plugin '%s' (dynamorm.plugin.%s.*), which is not on the path; "
                                            + "did you mean '%s'? plugins found: %s",
                                    name,
                                    name,
                                    near.get(),
                                    found),
                            name);
                }
            }
        }
    }

    private static RuntimeException unknownName(String message, String name) {
        return PluginFailures.of(message, name, Operation.REGISTER, null, null);
    }

    private static void requireUniqueNames(List<Plugin> plugins) {
        Map<String, Plugin> seen = new LinkedHashMap<>();
        for (Plugin p : plugins) {
            Plugin other = seen.putIfAbsent(p.name(), p);
            if (other != null) {
                throw PluginFailures.of(
                        String.format(
                                Locale.ROOT,
                                "two plugins are named '%s': %s and %s; disable one of them or register only one",
                                p.name(),
                                other.getClass().getName(),
                                p.getClass().getName()),
                        p.name(),
                        Operation.REGISTER,
                        null,
                        null);
            }
        }
    }

    private void warnUnused(DynamORMConfig config) {
        Set<String> names = new LinkedHashSet<>(names());
        for (String plugin : config.pluginProperties().keySet()) {
            if (!names.contains(plugin)) {
                LOG.warn(
                        "properties given for plugin '{}', which is not installed (installed: {})",
                        plugin,
                        names);
            }
        }
        for (PluginConfig c : config.pluginConfigs().values()) {
            if (!names.contains(c.pluginName())) {
                LOG.warn(
                        "configuration {} given for plugin '{}', which is not installed (installed: {})",
                        c.getClass().getName(),
                        c.pluginName(),
                        names);
            }
        }
    }

    private static String source(Plugin p) {
        CodeSource cs = p.getClass().getProtectionDomain().getCodeSource();
        return cs == null || cs.getLocation() == null
                ? "unknown location"
                : cs.getLocation().toString();
    }

    /**
     * The installed plugins' hooks.
     *
     * @return the chain, or null when no plugin has a hook
     */
    public HookChain chain() {
        return chain;
    }

    @Override
    public <T> List<Registered<T>> queryModifiers(Class<T> type, dev.dynamorm.ModelInfo model) {
        List<Registered<T>> out = new ArrayList<>();
        for (Plugin p : installed) {
            try {
                for (dev.dynamorm.QueryModifier<T> m :
                        Objects.requireNonNull(
                                p.queryModifiers(type, model), "queryModifiers(..)")) {
                    out.add(new Registered<>(p.name(), Objects.requireNonNull(m, "modifier")));
                }
            } catch (RuntimeException e) {
                throw PluginFailures.wrap(
                        e,
                        String.format(
                                Locale.ROOT,
                                "plugin '%s' failed to give the query modifiers of model %s: %s",
                                p.name(),
                                type.getName(),
                                e.getMessage()),
                        p.name(),
                        Operation.QUERY,
                        type);
            }
        }
        return List.copyOf(out);
    }

    /** Publishes a statistic of code that is not a plugin ({@code DynamORM.publish}). */
    public void publish(Statistic statistic) {
        stats().publish(statistic);
    }

    public List<Statistic> statistics() {
        return List.copyOf(stats().published);
    }

    private synchronized Statistics stats() {
        if (statistics == null) {
            statistics = new Statistics();
        }
        return statistics;
    }

    public List<String> names() {
        List<String> names = new ArrayList<>(installed.size());
        for (Plugin p : installed) {
            names.add(p.name());
        }
        return List.copyOf(names);
    }

    public boolean has(String name) {
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

    /** Statistics published by plugins, and the listeners that export them. */
    private static final class Statistics {
        private final List<Statistic> published = new CopyOnWriteArrayList<>();
        private final List<Consumer<Statistic>> listeners = new CopyOnWriteArrayList<>();

        synchronized void publish(Statistic statistic) {
            published.add(Objects.requireNonNull(statistic, "statistic"));
            for (Consumer<Statistic> l : listeners) {
                deliver(l, statistic);
            }
        }

        synchronized void listen(Consumer<Statistic> listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            for (Statistic s : published) {
                deliver(listener, s);
            }
        }

        private static void deliver(Consumer<Statistic> listener, Statistic s) {
            try {
                listener.accept(s);
            } catch (RuntimeException e) {
                LOG.warn("statistic listener failed for {}", s, e);
            }
        }
    }

    private static final class Context implements PluginContext {

        /**
         * A context, upcast here rather than in {@code PluginHost}: verifying an upcast loads the
         * interface, and {@code PluginHost} is loaded by every engine, with plugins or without.
         */
        static PluginContext of(
                String name,
                DynamORMConfig config,
                DynamoDbClient client,
                DynamORM owner,
                Statistics statistics,
                AtomicReference<HookChain> chain) {
            return new Context(name, config, client, owner, statistics, chain);
        }

        private final String name;
        private final DynamORMConfig config;
        private final DynamoDbClient client;
        private final DynamORM owner;
        private final Statistics statistics;
        private final AtomicReference<HookChain> chain;

        Context(
                String name,
                DynamORMConfig config,
                DynamoDbClient client,
                DynamORM owner,
                Statistics statistics,
                AtomicReference<HookChain> chain) {
            this.name = name;
            this.config = config;
            this.client = client;
            this.owner = owner;
            this.statistics = statistics;
            this.chain = chain;
        }

        @Override
        public Optional<dev.dynamorm.ModelInfo> model(Class<?> modelType) {
            Objects.requireNonNull(modelType, "modelType");
            HookChain c = chain.get();
            // no chain yet (plugins still initializing) or no hooks: no model is described
            return c == null ? Optional.empty() : c.model(modelType);
        }

        @Override
        public Clock clock() {
            return config.clock();
        }

        @Override
        public DynamoDbClient client() {
            return client;
        }

        @Override
        public Map<String, String> properties() {
            return config.pluginProperties().getOrDefault(name, Map.of());
        }

        @Override
        public <C extends PluginConfig> Optional<C> config(Class<C> type) {
            Objects.requireNonNull(type, "type");
            PluginConfig c = config.pluginConfigs().get(type);
            if (c == null) {
                c =
                        config.pluginConfigs().values().stream()
                                .filter(type::isInstance)
                                .findFirst()
                                .orElse(null);
            }
            return Optional.ofNullable(type.cast(c));
        }

        @Override
        public DynamORM dynamorm() {
            return owner;
        }

        @Override
        public void publish(Statistic statistic) {
            statistics.publish(statistic);
        }

        @Override
        public void onStatistic(Consumer<Statistic> listener) {
            statistics.listen(listener);
        }
    }
}
