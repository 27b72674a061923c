package dev.dynamorm;

import java.util.List;

/**
 * An extension found by {@link java.util.ServiceLoader} or registered on the builder.
 *
 * <p>Every method but {@link #name()} has a no-op default, so plugins implement only what they use.
 * A plugin jar declares {@code provides dev.dynamorm.Plugin with ...} in its module-info and lists
 * the class in {@code META-INF/services/dev.dynamorm.Plugin}. Installed plugins are ordered by
 * {@link #order()}, then {@link #name()}; one instance per class is installed, an explicitly
 * registered one winning over a discovered one. Plugins that change data or reads must act only on
 * the models or tables configured for them.
 */
public interface Plugin {

    /**
     * The plugin's unique name, used to configure or disable it.
     *
     * @return the name
     */
    String name();

    /**
     * The plugin's version, for the log line written when it is installed.
     *
     * @return the version, "unknown" by default
     */
    default String version() {
        return "unknown";
    }

    /**
     * The order among plugins: lower runs first for before-hooks (after-hooks run in reverse).
     *
     * @return 0 by default
     */
    default int order() {
        return 0;
    }

    /**
     * Called once when the {@code DynamORM} instance is built, in plugin order.
     *
     * @param context what the plugin may use: clock, client, configuration, statistics
     * @throws RuntimeException to fail the build of {@code DynamORM} (the message names the plugin)
     */
    default void initialize(PluginContext context) {}

    /**
     * The hooks the plugin contributes; read once after {@link #initialize(PluginContext)}.
     *
     * @return the hooks, none by default
     */
    default List<Hook> hooks() {
        return List.of();
    }

    /**
     * The query modifiers this plugin applies to every query and scan of a model (not to key
     * writes, which hooks see). Asked once per model, the first time a query of it runs; modifiers
     * of several plugins run in plugin order, before the query's own ({@link
     * dev.dynamorm.Query#with(QueryModifier)}). A plugin that changes reads must return modifiers
     * only for the models configured for it (e.g. those with a field carrying its annotation).
     *
     * @param modelType the model class
     * @param model the model as hooks see it
     * @param <T> the model type
     * @return the modifiers, none by default
     */
    default <T> List<QueryModifier<T>> queryModifiers(Class<T> modelType, ModelInfo model) {
        return List.of();
    }

    /** Called once when the {@code DynamORM} instance is closed, in reverse installation order. */
    default void shutdown() {}
}
