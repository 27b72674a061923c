package dev.dynamorm.engine.internal;

import dev.dynamorm.DynamORM;
import dev.dynamorm.DynamORMConfig;
import dev.dynamorm.EngineProvider;

/**
 * The engine's entry for {@link java.util.ServiceLoader}, through which a named module (the module
 * path) finds the engine. On the class path {@code DynamORMConfig} creates {@link DefaultDynamORM}
 * by name instead and never loads this class; the scan recognises this class by name as the own
 * engine, chosen before any other listed provider.
 */
public final class DefaultEngineProvider implements EngineProvider {

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public DefaultEngineProvider() {}

    @Override
    public DynamORM create(DynamORMConfig config) {
        return new DefaultDynamORM(config);
    }
}
