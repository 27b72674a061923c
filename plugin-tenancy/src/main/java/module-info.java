/**
 * DynamORM tenancy plugin: binds every query, scan, key lookup and write of a model with a {@link
 * dev.dynamorm.plugin.tenancy.TenantId} field to the current tenant. Exports the annotation, its
 * configuration and the {@link dev.dynamorm.plugin.tenancy.TenantProvider} SPI; the plugin itself
 * is found through {@link java.util.ServiceLoader}.
 */
module dev.dynamorm.plugin.tenancy {
    // TenancyConfig implements PluginConfig; TenancyException extends PluginException
    requires transitive dev.dynamorm.api;

    exports dev.dynamorm.plugin.tenancy;

    uses dev.dynamorm.plugin.tenancy.TenantProvider;

    provides dev.dynamorm.Plugin with
            dev.dynamorm.plugin.tenancy.internal.TenancyPlugin;
}
