package dev.dynamorm.engine.internal.plugin;

import dev.dynamorm.DynamORMException;
import dev.dynamorm.Operation;
import dev.dynamorm.PluginException;
import java.util.Locale;

/**
 * The {@link PluginException}s of the plugin host and the hook chain, made here and typed as {@link
 * RuntimeException} at their throw sites: verifying a method that throws a {@code PluginException}
 * or catches a {@link DynamORMException} loads that class, and {@link PluginHost} and {@link
 * HookChain} are loaded by every engine, with plugins or without. This class loads at the first
 * plugin failure.
 */
final class PluginFailures {

    private PluginFailures() {}

    /** A {@link PluginException} with these parts. */
    static RuntimeException of(
            String message,
            String plugin,
            Operation operation,
            Class<?> modelType,
            Throwable cause) {
        return new PluginException(message, plugin, operation, modelType, cause);
    }

    /**
     * What a plugin's failure {@code x} surfaces as: {@code x} itself when it is already a DynamORM
     * exception, else a {@link PluginException} with {@code message} and {@code x} as its cause.
     */
    static RuntimeException wrap(
            RuntimeException x,
            String message,
            String plugin,
            Operation operation,
            Class<?> modelType) {
        if (x instanceof DynamORMException) {
            return x;
        }
        return new PluginException(message, plugin, operation, modelType, x);
    }

    /**
     * The failure of a before-hook: {@code x} itself when it is a DynamORM exception (a veto), else
     * a {@link PluginException} naming the plugin, the operation and the table.
     */
    static RuntimeException refused(HookChain.Entry e, Event event, RuntimeException x) {
        if (x instanceof DynamORMException) {
            return x;
        }
        return new PluginException(
                String.format(
                        Locale.ROOT,
                        "plugin '%s' refused %s on table '%s'%s: %s",
                        e.plugin(),
                        event.operation().name().toLowerCase(Locale.ROOT),
                        event.tableName(),
                        event.modelType() == Object.class
                                ? ""
                                : " (model " + event.modelType().getName() + ")",
                        x.getMessage()),
                e.plugin(),
                event.operation(),
                event.modelType() == Object.class ? null : event.modelType(),
                x);
    }
}
