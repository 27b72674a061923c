package dev.dynamorm.spi.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.annotations.NamingConvention;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ModelSchemaProviderTest {

    /** A hand-written schema of a class without fields. */
    private static <T> ModelSchema<T> schemaOf(Class<T> type) {
        return new ModelSchema<>() {
            @Override
            public Class<T> type() {
                return type;
            }

            @Override
            public Optional<String> tableName() {
                return Optional.empty();
            }

            @Override
            public NamingConvention naming() {
                return NamingConvention.CAMEL_CASE;
            }

            @Override
            public List<FieldSchema> fields() {
                return List.of();
            }

            @Override
            public Object get(T instance, int field) {
                throw new IndexOutOfBoundsException(field);
            }

            @Override
            public T create(Object[] values) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void schemaOfOneClass_byDefault_isFoundAmongTheListedSchemas() {
        ModelSchema<String> strings = schemaOf(String.class);
        ModelSchema<Integer> integers = schemaOf(Integer.class);
        ModelSchemaProvider provider = () -> List.of(strings, integers);

        assertThat(provider.schema(Integer.class)).isSameAs(integers);
        assertThat(provider.schema(String.class)).isSameAs(strings);
        assertThat(provider.schema(Long.class)).isNull();
    }
}
