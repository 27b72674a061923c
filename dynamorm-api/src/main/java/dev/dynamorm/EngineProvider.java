package dev.dynamorm;

/** Creates the engine behind {@link DynamORM#builder()}; the engine module provides it. */
public interface EngineProvider {

    /**
     * Creates an engine for a configuration.
     *
     * @param config the validated configuration
     * @return a ready engine
     */
    DynamORM create(DynamORMConfig config);

    /**
     * Which provider wins when several are present; higher first.
     *
     * @return 0 by default
     */
    default int priority() {
        return 0;
    }
}
