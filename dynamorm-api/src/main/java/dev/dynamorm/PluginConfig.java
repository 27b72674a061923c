package dev.dynamorm;

/**
 * A plugin's typed configuration, given to {@code DynamORM.builder().pluginConfig(...)} and read by
 * the plugin with {@link PluginContext#config(Class)}. One instance per class; implementations are
 * immutable.
 */
public interface PluginConfig {

    /**
     * The name of the plugin this configures, to warn when that plugin is not installed.
     *
     * @return the plugin name
     */
    String pluginName();
}
