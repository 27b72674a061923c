package dev.dynamorm;

/**
 * Creates the engine behind {@link DynamORM#builder()}; the engine module provides it.
 *
 * <p>When {@code dynamorm-engine} is present, its engine is used (on the class path it is found by
 * name, without a {@link java.util.ServiceLoader} scan); other providers are looked up, and ranked
 * by {@link #priority()}, only when it is absent.
 */
public interface EngineProvider {

    /**
     * Creates an engine for a configuration.
     *
     * @param config the validated configuration
     * @return a ready engine
     */
    DynamORM create(DynamORMConfig config);

    /**
     * Which provider wins when several are present and {@code dynamorm-engine} is not; higher
     * first.
     *
     * @return 0 by default
     */
    default int priority() {
        return 0;
    }
}
