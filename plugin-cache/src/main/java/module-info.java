/**
 * DynamORM cache plugin: a Caffeine read-through cache for key lookups of the models configured for
 * it. Exports its configuration; the plugin itself is found through {@link
 * java.util.ServiceLoader}.
 */
module dev.dynamorm.plugin.cache {
    // CacheConfig implements PluginConfig and names model classes
    requires transitive dev.dynamorm.api;
    requires com.github.benmanes.caffeine;

    exports dev.dynamorm.plugin.cache;

    // the generated models' names, so that a typo check never refuses a name of a model not used
    // yet
    uses dev.dynamorm.spi.schema.ModelSchemaProvider;

    provides dev.dynamorm.Plugin with
            dev.dynamorm.plugin.cache.internal.CachePlugin;
}
