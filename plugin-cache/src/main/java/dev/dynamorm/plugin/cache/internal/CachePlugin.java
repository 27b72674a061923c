package dev.dynamorm.plugin.cache.internal;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Hook;
import dev.dynamorm.Plugin;
import dev.dynamorm.PluginContext;
import dev.dynamorm.plugin.cache.CacheConfig;
import dev.dynamorm.spi.Suggestions;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cache plugin: read-through Caffeine caches for the configured models. Runs last among plugins
 * (order 1000), so observing plugins see cache hits as requests served by a hook.
 */
public final class CachePlugin implements Plugin {

    /** The plugin's name. */
    public static final String NAME = "cache";

    /** The top-level property keys; each model also takes {@link #MODEL_KEYS}. */
    static final List<String> KEYS = List.of("models", "maximumSize", "ttl");

    /** The keys of {@code model.<name>.<key>}. */
    static final List<String> MODEL_KEYS = List.of("maximumSize", "ttl");

    private volatile CacheHook hook;

    /** Creates the plugin; {@link java.util.ServiceLoader} calls this. */
    public CachePlugin() {}

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
        return 1000;
    }

    @Override
    public void initialize(PluginContext context) {
        CacheConfig config =
                context.config(CacheConfig.class)
                        .orElseGet(() -> fromProperties(context.properties()));
        CacheHook h = new CacheHook(config);
        h.publish(context);
        this.hook = h;
    }

    @Override
    public List<Hook> hooks() {
        CacheHook h = hook;
        return h == null ? List.of() : List.of(h);
    }

    @Override
    public void shutdown() {
        CacheHook h = hook;
        if (h != null) {
            h.clear();
        }
    }

    /**
     * Reads {@code models}, {@code maximumSize}, {@code ttl} and {@code
     * model.<name>.maximumSize|ttl}.
     */
    static CacheConfig fromProperties(Map<String, String> properties) {
        long defaultSize = size(properties, "maximumSize", CacheConfig.DEFAULT_MAXIMUM_SIZE);
        Duration defaultTtl = ttl(properties, "ttl", CacheConfig.DEFAULT_TTL);
        Map<String, long[]> sizes = new LinkedHashMap<>();
        Map<String, Duration> ttls = new LinkedHashMap<>();
        String models = properties.getOrDefault("models", "");
        for (String m : models.split(",", -1)) {
            if (!m.isBlank()) {
                sizes.put(m.trim(), new long[] {defaultSize});
                ttls.put(m.trim(), defaultTtl);
            }
        }
        for (Map.Entry<String, String> e : properties.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith("model.")) {
                if (!KEYS.contains(key)) {
                    throw unknown(key, Suggestions.didYouMean(key, KEYS));
                }
                continue;
            }
            String rest = key.substring("model.".length());
            int dot = rest.lastIndexOf('.');
            String model = dot <= 0 ? "" : rest.substring(0, dot);
            String setting = dot <= 0 ? rest : rest.substring(dot + 1);
            if (model.isEmpty()) {
                throw unknown(key, "");
            }
            if (!sizes.containsKey(model)) {
                throw new IllegalArgumentException(
                        String.format(
                                Locale.ROOT,
                                "cache property '%s' names model '%s', which is not in models=%s; %sadd it there",
                                key,
                                model,
                                models,
                                Suggestions.didYouMean(model, sizes.keySet())));
            }
            switch (setting) {
                case "maximumSize" -> sizes.get(model)[0] = size(properties, key, defaultSize);
                case "ttl" -> ttls.put(model, ttl(properties, key, defaultTtl));
                default ->
                        throw unknown(
                                key,
                                Suggestions.nearest(setting, MODEL_KEYS)
                                        .map(k -> "did you mean 'model." + model + "." + k + "'? ")
                                        .orElse(""));
            }
        }
        CacheConfig.Builder b = CacheConfig.builder();
        sizes.forEach((m, size) -> b.table(m, size[0], ttls.get(m)));
        return b.build();
    }

    private static IllegalArgumentException unknown(String key, String hint) {
        return new IllegalArgumentException(
                String.format(
                        Locale.ROOT,
                        "unknown option '%s' for plugin cache; %soptions are %s, model.<name>.maximumSize and "
                                + "model.<name>.ttl",
                        key,
                        hint,
                        String.join(", ", KEYS)));
    }

    private static long size(Map<String, String> properties, String key, long fallback) {
        String v = properties.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "cache property %s must be a whole number, got '%s'",
                            key,
                            v),
                    e);
        }
    }

    private static Duration ttl(Map<String, String> properties, String key, Duration fallback) {
        String v = properties.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Duration.parse(v.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "cache property %s must be an ISO-8601 duration such as PT5M, got '%s'",
                            key,
                            v),
                    e);
        }
    }
}
