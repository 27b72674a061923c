/** Runnable examples of DynamORM; the quickstart runs on the embedded engine by default. */
module dev.dynamorm.examples {
    requires dev.dynamorm.api;
    requires dev.dynamorm.local;
    // PluginConfigs shows the plugins' configuration; their jars stay optional at run time
    requires static dev.dynamorm.plugin.cache;
    requires static dev.dynamorm.plugin.audit;
    requires static dev.dynamorm.plugin.metrics;
    requires static dev.dynamorm.plugin.tracing;

    // compile-time schemas written by dynamorm-processor: no 'opens' to the engine needed
    provides dev.dynamorm.spi.schema.ModelSchemaProvider with
            dev.dynamorm.examples.DynamORM_Schemas;
}
