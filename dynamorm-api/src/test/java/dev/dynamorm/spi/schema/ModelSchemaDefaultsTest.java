package dev.dynamorm.spi.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.annotations.NamingConvention;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ModelSchemaDefaultsTest {

    record Point(String id, long x) {}

    /** A hand-written schema that implements only what the interface requires. */
    private static final class PointSchema implements ModelSchema<Point> {
        @Override
        public Class<Point> type() {
            return Point.class;
        }

        @Override
        public List<FieldSchema> fields() {
            return List.of(
                    FieldSchema.builder("id", String.class).build(),
                    FieldSchema.builder("x", long.class).build());
        }

        @Override
        public Object get(Point instance, int field) {
            return field == 0 ? instance.id() : instance.x();
        }

        @Override
        public Point create(Object[] values) {
            return new Point((String) values[0], values[1] == null ? 0L : (Long) values[1]);
        }
    }

    @Test
    void aSchemaOfTheRequiredMethodsOnly_isANestedCamelCaseType_thatIsItsOwnCodec() {
        PointSchema schema = new PointSchema();

        assertThat(schema.tableName()).isEmpty();
        assertThat(schema.naming()).isEqualTo(NamingConvention.CAMEL_CASE);
        assertThat(schema.codec()).isSameAs(schema);
        assertThat(schema.keyTemplates()).isEmpty();
    }
}
