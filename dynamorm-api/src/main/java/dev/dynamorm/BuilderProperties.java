package dev.dynamorm;

import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Reads plugin settings from properties into a builder: see {@link
 * DynamORM.Builder#pluginProperties}.
 */
final class BuilderProperties {

    private BuilderProperties() {}

    static void apply(DynamORM.Builder builder, Properties properties) {
        for (String name : new TreeSet<>(properties.stringPropertyNames())) {
            String value = properties.getProperty(name);
            if (name.equals("dynamorm.plugins.discover")) {
                String v = value.trim().toLowerCase(Locale.ROOT);
                if (!v.equals("true") && !v.equals("false")) {
                    throw new IllegalArgumentException(
                            String.format(
                                    Locale.ROOT,
                                    "dynamorm.plugins.discover must be true or false, got '%s'",
                                    value));
                }
                builder.discoverPlugins = Boolean.parseBoolean(v);
            } else if (name.equals("dynamorm.plugins.disabled")) {
                for (String p : value.split(",", -1)) {
                    if (!p.isBlank()) {
                        builder.disabledPlugins.add(p.trim());
                    }
                }
            } else if (name.startsWith("dynamorm.plugin.")) {
                String rest = name.substring("dynamorm.plugin.".length());
                int dot = rest.indexOf('.');
                if (dot <= 0 || dot == rest.length() - 1) {
                    throw new IllegalArgumentException(
                            String.format(
                                    Locale.ROOT,
                                    "plugin property '%s' must look like dynamorm.plugin.<name>.<key>",
                                    name));
                }
                builder.pluginProperty(
                        rest.substring(0, dot), rest.substring(dot + 1), value.trim());
            }
        }
    }
}
