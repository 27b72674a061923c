package dev.dynamorm.engine.internal;

import dev.dynamorm.DynamORM;
import dev.dynamorm.DynamORMConfig;
import dev.dynamorm.EngineProvider;

/**
 * The engine's entry for {@link java.util.ServiceLoader}; public for the class-path case, where
 * {@code DynamORMConfig} instantiates it by this name without a scan (renaming or moving it brings
 * the scan back: {@code EngineDiscoveryTest} fails).
 */
public final class DefaultEngineProvider implements EngineProvider {

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public DefaultEngineProvider() {}

    @Override
    public DynamORM create(DynamORMConfig config) {
        return new DefaultDynamORM(config);
    }
}
