package dev.dynamorm;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What a plugin receives when it is initialized. */
public interface PluginContext {

    /**
     * The clock every DynamORM timestamp comes from.
     *
     * @return the clock
     */
    Clock clock();

    /**
     * The client DynamORM sends requests with.
     *
     * @return the client
     */
    DynamoDbClient client();

    /**
     * The plugin's configuration properties, from {@code pluginProperty(name, key, value)} and
     * {@code pluginProperties(properties)} ({@code dynamorm.plugin.<name>.<key>}), keys without the
     * prefix.
     *
     * @return the properties, possibly empty
     */
    Map<String, String> properties();

    /**
     * The typed configuration given with {@code pluginConfig(...)}.
     *
     * @param type the configuration class
     * @param <C> the configuration type
     * @return the configuration, or empty
     */
    <C extends PluginConfig> Optional<C> config(Class<C> type);

    /**
     * The {@link DynamORM} instance the plugin is installed in. It is usable once {@code
     * DynamORM.builder().build()} has returned, i.e. from hooks, not from {@link
     * Plugin#initialize(PluginContext)}. Operations a hook runs through it run the hooks again:
     * guard against recursion.
     *
     * @return the instance
     */
    DynamORM dynamorm();

    /**
     * Describes a model as hooks see it, registering it when needed. Usable once {@code
     * DynamORM.builder().build()} has returned.
     *
     * @param modelType the model class
     * @return the model, or empty when it is not a valid table model (or the instance is still
     *     being built)
     */
    default Optional<ModelInfo> model(Class<?> modelType) {
        return Optional.empty();
    }

    /**
     * Publishes a statistic for observing plugins.
     *
     * @param statistic the statistic
     */
    void publish(Statistic statistic);

    /**
     * Calls {@code listener} for every statistic published by any plugin of this instance: those
     * published so far at once, later ones when they are published.
     *
     * @param listener the listener
     */
    void onStatistic(Consumer<Statistic> listener);
}
