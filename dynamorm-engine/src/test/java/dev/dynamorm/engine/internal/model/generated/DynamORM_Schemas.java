package dev.dynamorm.engine.internal.model.generated;

import dev.dynamorm.annotations.NamingConvention;
import dev.dynamorm.spi.schema.FieldSchema;
import dev.dynamorm.spi.schema.ModelSchema;
import dev.dynamorm.spi.schema.ModelSchemaProvider;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider written the way dynamorm-processor writes one (its name, in its models' package), for
 * two records of this package; counts how often it is instantiated.
 */
public final class DynamORM_Schemas implements ModelSchemaProvider {

    /** How many providers were created. */
    public static final AtomicInteger CREATED = new AtomicInteger();

    /** A record with a generated-style schema. */
    public record First(String id) {}

    /** Another record of the same package. */
    public record Second(String id) {}

    /** Creates the provider. */
    public DynamORM_Schemas() {
        CREATED.incrementAndGet();
    }

    @Override
    public List<ModelSchema<?>> schemas() {
        return List.of(new Schema<>(First.class), new Schema<>(Second.class));
    }

    @Override
    public ModelSchema<?> schema(Class<?> type) {
        if (type == First.class) {
            return new Schema<>(First.class);
        }
        return type == Second.class ? new Schema<>(Second.class) : null;
    }

    /** A schema of a one-field record (without the named reads of newer generated schemas). */
    private record Schema<T>(Class<T> type) implements ModelSchema<T> {

        @Override
        public Optional<String> tableName() {
            return Optional.of("t");
        }

        @Override
        public NamingConvention naming() {
            return NamingConvention.CAMEL_CASE;
        }

        @Override
        public List<FieldSchema> fields() {
            return List.of(FieldSchema.builder("id", String.class).partitionKey().build());
        }

        @Override
        public Object get(T instance, int field) {
            throw new UnsupportedOperationException();
        }

        /**
         * Creates the record (read through the default {@code ModelSchema.read}, as schemas
         * generated before {@code readsNamed} existed are).
         */
        @Override
        public T create(Object[] values) {
            String id = (String) values[0];
            return type.cast(type == First.class ? new First(id) : new Second(id));
        }
    }
}
