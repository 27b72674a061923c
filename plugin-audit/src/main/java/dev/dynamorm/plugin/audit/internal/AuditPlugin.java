package dev.dynamorm.plugin.audit.internal;

import dev.dynamorm.plugin.audit.ActorProvider;
import dev.dynamorm.plugin.audit.AuditConfig;
import dev.dynamorm.plugin.audit.AuditSink;
import dev.dynamorm.spi.Hook;
import dev.dynamorm.spi.Plugin;
import dev.dynamorm.spi.PluginContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The audit plugin: records every successful write. Runs after the observing plugins and before the
 * cache (order 500), so its records are written once the write is known to have succeeded.
 */
public final class AuditPlugin implements Plugin {

    /** The plugin's name. */
    public static final String NAME = "audit";

    private volatile AuditHook hook;

    /** Creates the plugin; {@link ServiceLoader} calls this. */
    public AuditPlugin() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        String v = AuditPlugin.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
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
        ActorProvider actors =
                config.actorProvider()
                        .or(
                                () ->
                                        ServiceLoader.load(
                                                        ActorProvider.class,
                                                        AuditPlugin.class.getClassLoader())
                                                .findFirst())
                        .orElse(ActorProvider.threadLocal());
        List<AuditSink> sinks = new ArrayList<>();
        if (config.logSink()) {
            sinks.add(new LogSink());
        }
        sinks.addAll(config.sinks());
        ServiceLoader.load(AuditSink.class, AuditPlugin.class.getClassLoader()).forEach(sinks::add);
        this.hook = new AuditHook(context, config, actors, sinks);
    }

    @Override
    public List<Hook> hooks() {
        AuditHook h = hook;
        return h == null ? List.of() : List.of(h);
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
                default ->
                        throw new IllegalArgumentException(
                                String.format(
                                        Locale.ROOT,
                                        "unknown audit property '%s': use sinks, images, redact or actor",
                                        e.getKey()));
            }
        }
        return b.build();
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
