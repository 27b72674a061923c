/**
 * DynamORM validation plugin: Jakarta Bean Validation of every item written (create, put, batch and
 * transaction puts) and of the values an update sets, before anything is sent. Exports its
 * configuration and exception; the plugin itself is found through {@link java.util.ServiceLoader}.
 */
module dev.dynamorm.plugin.validation {
    // ValidationConfig implements PluginConfig; ConstraintViolationsException is an
    // InvalidRequestException
    requires transitive dev.dynamorm.api;
    // ValidationConfig takes a ValidatorFactory and validation groups
    requires transitive jakarta.validation;

    // Hibernate Validator interpolates messages with Jakarta EL but reads it only optionally
    // ('requires static'): requiring it here resolves it on the module path, and its 'uses
    // ExpressionFactory' binds the provider (Expressly, found by service binding)
    requires jakarta.el;

    exports dev.dynamorm.plugin.validation;

    provides dev.dynamorm.Plugin with
            dev.dynamorm.plugin.validation.internal.ValidationPlugin;
}
