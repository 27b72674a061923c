package dev.dynamorm.spi.schema;

import java.util.List;

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
}
