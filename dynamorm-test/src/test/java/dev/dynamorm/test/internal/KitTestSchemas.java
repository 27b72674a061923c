package dev.dynamorm.test.internal;

import dev.dynamorm.spi.schema.ModelSchema;
import dev.dynamorm.spi.schema.ModelSchemaProvider;
import java.util.List;

/** The schema provider of the kit's tests, as the processor generates one per package. */
public final class KitTestSchemas implements ModelSchemaProvider {

    /** Found by {@link java.util.ServiceLoader}. */
    public KitTestSchemas() {}

    @Override
    public List<ModelSchema<?>> schemas() {
        return List.of(new KitModelTest.HandleSchema());
    }
}
