package dev.dynamorm.test.internal;

import dev.dynamorm.spi.schema.ModelSchema;
import dev.dynamorm.spi.schema.ModelSchemaProvider;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The schemas {@code dynamorm-processor} generated, found as the engine finds them: through {@link
 * ServiceLoader}, the providers visible to the kit's module layer and thread context class loader,
 * then those visible to the model's own class loader. Not cached here: {@link KitModel} keeps the
 * answer per class (so no class loader is held by the kit).
 */
final class SchemaModels {

    private SchemaModels() {}

    /** The generated schema of a class, or null when it has none. */
    static ModelSchema<?> find(Class<?> type) {
        ModelSchema<?> s = ask(ServiceLoader.load(ModelSchemaProvider.class), type);
        ClassLoader loader = type.getClassLoader();
        if (s == null && loader != null) {
            s = ask(ServiceLoader.load(ModelSchemaProvider.class, loader), type);
        }
        return s;
    }

    private static ModelSchema<?> ask(ServiceLoader<ModelSchemaProvider> providers, Class<?> type) {
        try {
            for (ModelSchemaProvider p : providers) {
                ModelSchema<?> s = p.schema(type);
                // a provider of another class loader may know a class of the same name
                if (s != null && s.type() == type) {
                    return s;
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException(
                    "loading the generated model schemas failed: " + e.getMessage(), e);
        }
        return null;
    }
}
