package dev.dynamorm.engine.internal.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Without {@code dynamorm-converters} (no converter provider at all) the error names the missing
 * artifact instead of suggesting a converter for {@code String}.
 */
final class MissingBuiltInConvertersTest {

    @DynamoTable("orders")
    record Order(@PartitionKey String id) {}

    @Test
    void metadata_withoutAnyConverterProvider_namesTheMissingArtifact() {
        ModelRegistry registry = new ModelRegistry(new ConverterRegistry(List.of()));

        assertThatThrownBy(() -> registry.metadata(Order.class))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessage(
                        "model "
                                + Order.class.getName()
                                + ": Order.id: no converter for java.lang.String (the built-in"
                                + " converters are missing: add the"
                                + " dev.dynamorm:dynamorm-converters artifact to the runtime"
                                + " dependencies (it is managed by dynamorm-bom; on the module"
                                + " path also resolve it, e.g. --add-modules"
                                + " dev.dynamorm.converters))");
    }
}
