package dev.dynamorm.engine.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.Operation;
import dev.dynamorm.engine.internal.model.generated.DynamORM_Schemas;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How the engine finds the schema the processor generated for a model on the class path. */
class GeneratedSchemasTest {

    @Test
    void find_modelsOfOnePackage_shareOneProviderInstance() {
        GeneratedSchemas schemas = new GeneratedSchemas();
        int before = DynamORM_Schemas.CREATED.get();

        assertThat(schemas.find(DynamORM_Schemas.First.class).type())
                .isEqualTo(DynamORM_Schemas.First.class);
        assertThat(schemas.find(DynamORM_Schemas.Second.class).type())
                .isEqualTo(DynamORM_Schemas.Second.class);

        assertThat(DynamORM_Schemas.CREATED.get() - before)
                .as("providers instantiated for two models of one package")
                .isEqualTo(1);
    }

    record NoSchema(String id) {}

    record NoSchemaEither(String id) {}

    @Test
    void find_modelsOfAPackageWithoutProvider_haveNoSchema() {
        GeneratedSchemas schemas = new GeneratedSchemas();

        assertThat(schemas.find(NoSchema.class)).isNull();
        assertThat(schemas.find(NoSchemaEither.class)).isNull();
        // a package without a provider does not hide another package's
        assertThat(schemas.find(DynamORM_Schemas.First.class)).isNotNull();
    }

    @Test
    void aSchemaWithoutNamedReads_readsItemsThroughItsRead_onEveryEntryPath() {
        ModelMetadata<DynamORM_Schemas.First> model =
                TestConverters.registry().metadata(DynamORM_Schemas.First.class);
        Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("a"));

        // readsNamed throws UnsupportedOperationException (the default): read(item, in) it is
        assertThat(model.fromItem(item)).isEqualTo(new DynamORM_Schemas.First("a"));
        assertThat(model.fromItem(item)).isEqualTo(new DynamORM_Schemas.First("a"));
        assertThat(model.fromItem(item, Operation.SCAN)).isEqualTo(new DynamORM_Schemas.First("a"));
        assertThat(model.fromItem(item, null)).isEqualTo(new DynamORM_Schemas.First("a"));
    }
}
