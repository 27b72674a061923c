package dev.dynamorm.plugin.audit.internal;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Hook;
import dev.dynamorm.Plugin;
import dev.dynamorm.PluginContext;
import dev.dynamorm.plugin.audit.ActorProvider;
import dev.dynamorm.plugin.audit.AuditConfig;
import dev.dynamorm.plugin.audit.AuditSink;
import dev.dynamorm.spi.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.slf4j.event.Level;

/**
 * The audit plugin: records every successful write. Runs after the observing plugins and before the
 * cache (order 500), so its records are written once the write is known to have succeeded.
 */
public final class AuditPlugin implements Plugin {

    /** The plugin's name. */
    public static final String NAME = "audit";

    /** The property keys {@link #fromProperties} reads. */
    static final List<String> KEYS =
            List.of("sinks", "images", "redact", "actor", "log.level", "log.batchSize");

    private volatile AuditHook hook;

    /** Creates the plugin; {@link ServiceLoader} calls this. */
    public AuditPlugin() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return DynamORM.version();
    }

    @Override
    public int order() {
        return 500;
    }

    @Override
    public void initialize(PluginContext context) {
        AuditConfig config =
                context.config(AuditConfig.class)
                        .orElseGet(() -> fromProperties(context.properties()));
        ActorProvider fallback =
                config.actorProvider()
                        .or(
                                () ->
                                        ServiceLoader.load(
                                                        ActorProvider.class,
                                                        AuditPlugin.class.getClassLoader())
                                                .findFirst())
                        .orElse(Optional::empty);
        List<AuditSink> sinks = new ArrayList<>(config.sinks());
        ServiceLoader.load(AuditSink.class, AuditPlugin.class.getClassLoader()).forEach(sinks::add);
        LogSink log =
                config.logSink() ? new LogSink(config.logLevel(), config.logBatchSize()) : null;
        this.hook = new AuditHook(context, config, actors(fallback), log, sinks);
    }

    @Override
    public List<Hook> hooks() {
        AuditHook h = hook;
        return h == null ? List.of() : List.of(h);
    }

    /**
     * The actor of a write: the one set with {@link ActorProvider#runAs} or {@link
     * ActorProvider#callAs} on the writing thread wins over the configured (or discovered)
     * provider.
     */
    static ActorProvider actors(ActorProvider configured) {
        ActorProvider thread = ActorProvider.threadLocal();
        return () -> thread.currentActor().or(configured::currentActor);
    }

    static AuditConfig fromProperties(Map<String, String> properties) {
        AuditConfig.Builder b = AuditConfig.builder();
        for (Map.Entry<String, String> e : properties.entrySet()) {
            String v = e.getValue().trim();
            switch (e.getKey()) {
                case "sinks" -> {
                    b.logSink(false);
                    for (String s : v.split(",", -1)) {
                        switch (s.trim()) {
                            case "log" -> b.logSink(true);
                            case "table" -> b.tableSink(true);
                            case "" -> {}
                            default ->
                                    throw new IllegalArgumentException(
                                            String.format(
                                                    Locale.ROOT,
                                                    "unknown audit sink '%s' in sinks=%s: use log and/or table",
                                                    s.trim(),
                                                    v));
                        }
                    }
                }
                case "images" -> b.images(bool(e.getKey(), v));
                case "redact" -> {
                    for (String f : v.split(",", -1)) {
                        if (!f.isBlank()) {
                            b.redact(f.trim());
                        }
                    }
                }
                case "actor" -> b.actorProvider(ActorProvider.fixed(v));
                case "log.level" -> b.logLevel(level(e.getKey(), v));
                case "log.batchSize" -> b.logBatchSize(whole(e.getKey(), v));
                default ->
                        throw new IllegalArgumentException(
                                String.format(
                                        Locale.ROOT,
                                        "unknown option '%s' for plugin audit; %soptions are %s",
                                        e.getKey(),
                                        Suggestions.didYouMean(e.getKey(), KEYS),
                                        KEYS));
            }
        }
        return b.build();
    }

    private static Level level(String key, String v) {
        try {
            return Level.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "audit property %s must be one of TRACE, DEBUG, INFO, WARN, ERROR, got '%s'",
                            key,
                            v),
                    e);
        }
    }

    private static int whole(String key, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "audit property %s must be a whole number, got '%s'",
                            key,
                            v),
                    e);
        }
    }

    private static boolean bool(String key, String v) {
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "audit property %s must be true or false, got '%s'",
                            key,
                            v));
        }
        return Boolean.parseBoolean(v);
    }
}
