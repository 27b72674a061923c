package dev.dynamorm.engine.internal.plugin;

import dev.dynamorm.ModelInfo;
import dev.dynamorm.QueryModifier;
import java.util.List;

/** Where a table finds the query modifiers plugins register for its model. */
public interface ModifierSource {

    /** No plugin modifiers. */
    ModifierSource NONE =
            new ModifierSource() {
                @Override
                public <T> List<Registered<T>> queryModifiers(Class<T> type, ModelInfo model) {
                    return List.of();
                }
            };

    /**
     * The modifiers of every installed plugin for a model, in plugin order.
     *
     * @param type the model class
     * @param model the model as plugins see it
     * @param <T> the model type
     * @return the modifiers with the names of the plugins that registered them
     * @throws dev.dynamorm.PluginException if a plugin fails to answer
     */
    <T> List<Registered<T>> queryModifiers(Class<T> type, ModelInfo model);

    /**
     * A modifier a plugin registered for a model.
     *
     * @param plugin the plugin's name
     * @param modifier the modifier
     * @param <T> the model type
     */
    record Registered<T>(String plugin, QueryModifier<T> modifier) {}
}
