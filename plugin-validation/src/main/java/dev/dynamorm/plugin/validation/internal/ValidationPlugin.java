package dev.dynamorm.plugin.validation.internal;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Hook;
import dev.dynamorm.Plugin;
import dev.dynamorm.PluginContext;
import dev.dynamorm.plugin.validation.ValidationConfig;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.ValidatorFactory;
import java.util.List;

/**
 * The validation plugin: validates items and update values with Jakarta Bean Validation before they
 * are written. Runs first among plugins (order -1000), so its write transform sees the values as
 * the model holds them, before another plugin (encryption) changes them.
 */
public final class ValidationPlugin implements Plugin {

    /** The plugin's name. */
    public static final String NAME = "validation";

    private volatile ValidationHook hook;
    private volatile ValidatorFactory owned;

    /** Creates the plugin; {@link java.util.ServiceLoader} calls this. */
    public ValidationPlugin() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return DynamORM.version();
    }

    @Override
    public int order() {
        return -1000;
    }

    @Override
    public void initialize(PluginContext context) {
        ValidationConfig config =
                context.config(ValidationConfig.class).orElseGet(ValidationConfig::defaults);
        ValidatorFactory factory = config.validatorFactory().orElse(null);
        if (factory == null) {
            try {
                factory = Validation.buildDefaultValidatorFactory();
            } catch (ValidationException e) {
                throw new IllegalStateException(
                        "no Jakarta Bean Validation provider could be bootstrapped ("
                                + e.getMessage()
                                + "): put hibernate-validator and an Expression Language implementation "
                                + "(org.glassfish.expressly:expressly) on the path, or give "
                                + "ValidationConfig.builder().validatorFactory(...)",
                        e);
            }
            owned = factory;
        }
        hook = new ValidationHook(factory.getValidator(), config.groups(), context);
    }

    @Override
    public List<Hook> hooks() {
        ValidationHook h = hook;
        return h == null ? List.of() : List.of(h);
    }

    @Override
    public void shutdown() {
        ValidatorFactory f = owned;
        if (f != null) {
            f.close();
        }
    }
}
