package dev.dynamorm;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A plugin refused an operation (a before-hook vetoed it) or failed while handling it. Nothing was
 * sent when a before-hook vetoed.
 */
public class PluginException extends DynamORMException {

    private static final long serialVersionUID = 1L;

    private final @Nullable String pluginName;

    /**
     * Creates the exception.
     *
     * @param message what happened, naming the plugin, operation and table
     * @param pluginName the plugin's name, or null when unknown
     * @param operation the operation
     * @param modelType the model class, or null
     * @param cause what the plugin threw
     */
    public PluginException(
            String message,
            @Nullable String pluginName,
            Operation operation,
            @Nullable Class<?> modelType,
            Throwable cause) {
        super(message, operation, modelType, false, cause);
        this.pluginName = pluginName;
    }

    /**
     * The plugin's name.
     *
     * @return the name, or empty
     */
    public Optional<String> pluginName() {
        return Optional.ofNullable(pluginName);
    }
}
