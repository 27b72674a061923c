/**
 * DynamORM audit plugin: one audit record per successful write, to an SLF4J log line, a DynamoDB
 * audit table written through DynamORM, or custom sinks. Exports its configuration, the {@link
 * dev.dynamorm.plugin.audit.ActorProvider} and {@link dev.dynamorm.plugin.audit.AuditSink} SPIs and
 * the audit table's model; the plugin itself is found through {@link java.util.ServiceLoader}.
 */
module dev.dynamorm.plugin.audit {
    // AuditConfig implements PluginConfig; AuditRecord carries an Operation
    requires transitive dev.dynamorm.api;
    // AuditConfig.logLevel takes SLF4J's Level
    requires transitive org.slf4j;

    exports dev.dynamorm.plugin.audit;

    // AuditEntry is a model the engine reads and builds reflectively
    opens dev.dynamorm.plugin.audit;

    uses dev.dynamorm.plugin.audit.ActorProvider;
    uses dev.dynamorm.plugin.audit.AuditSink;

    provides dev.dynamorm.Plugin with
            dev.dynamorm.plugin.audit.internal.AuditPlugin;
}
