package dev.dynamorm.spi.schema;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A service that lists model schemas; the engine finds every provider through {@link
 * java.util.ServiceLoader}. The processor generates one provider per package of models.
 *
 * <p>On the module path, the module holding the models declares {@code provides
 * dev.dynamorm.spi.schema.ModelSchemaProvider with <package>.DynamORM_Schemas;} (the processor
 * reports the exact line and fails the build when it is missing). Nothing needs to be opened.
 */
public interface ModelSchemaProvider {

    /**
     * The schemas this provider knows.
     *
     * @return the schemas, one per model class
     */
    List<ModelSchema<?>> schemas();

    /**
     * The schema of one class, without creating the others: the engine asks this for each model it
     * registers, so that registering one model loads only that model's schema. Generated providers
     * override it with a switch on the class name; the default searches {@link #schemas()}.
     *
     * @param type the model class
     * @return its schema, or {@code null} when this provider has none; a schema for another class
     *     of the same name (another class loader) is ignored by the engine
     */
    default @Nullable ModelSchema<?> schema(Class<?> type) {
        for (ModelSchema<?> s : schemas()) {
            if (s.type() == type) {
                return s;
            }
        }
        return null;
    }
}
