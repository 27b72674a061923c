package dev.dynamorm.test.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.Table;
import dev.dynamorm.UniqueConstraintException;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.NamingConvention;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.Unique;
import dev.dynamorm.spi.schema.FieldSchema;
import dev.dynamorm.spi.schema.ModelSchema;
import dev.dynamorm.test.mock.MockDB;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The kit finds a model's generated schema on the class path (here a hand-written one, listed in
 * {@code META-INF/services} as the processor lists its own, {@link KitTestSchemas}) and reads
 * fields, unique values and keys through it; a model without one is read reflectively.
 */
final class KitModelTest {

    /** Has a schema: its {@code @Unique} is declared by the schema only, not by an annotation. */
    @DynamoTable("handles")
    record Handle(@PartitionKey String id, String email) {}

    /** Has no schema: read reflectively. */
    @DynamoTable("plain")
    record Plain(@PartitionKey String id, @Unique String email) {}

    static final AtomicInteger SCHEMA_READS = new AtomicInteger();

    /** What the processor would generate for {@link Handle}, with {@code email} unique. */
    static final class HandleSchema implements ModelSchema<Handle> {
        @Override
        public Class<Handle> type() {
            return Handle.class;
        }

        @Override
        public Optional<String> tableName() {
            return Optional.of("handles");
        }

        @Override
        public NamingConvention naming() {
            return NamingConvention.CAMEL_CASE;
        }

        @Override
        public List<FieldSchema> fields() {
            return List.of(
                    FieldSchema.builder("id", String.class).partitionKey().build(),
                    FieldSchema.builder("email", String.class).attribute("mail").unique().build());
        }

        @Override
        public Object get(Handle instance, int field) {
            SCHEMA_READS.incrementAndGet();
            return field == 0 ? instance.id() : instance.email();
        }

        @Override
        public Handle create(Object[] values) {
            return new Handle((String) values[0], (String) values[1]);
        }
    }

    @Test
    void aModelWithASchema_isReadThroughIt_andOneWithout_reflectively() {
        KitModel handle = KitModel.of(Handle.class);
        assertThat(handle.generated()).isTrue();
        assertThat(handle.uniqueFields())
                .extracting(KitField::name, KitField::attribute)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("email", "mail"));
        assertThat(handle.create(new Object[] {"h1", "a@x"})).isEqualTo(new Handle("h1", "a@x"));

        KitModel plain = KitModel.of(Plain.class);
        assertThat(plain.generated()).isFalse();
        assertThat(plain.uniqueFields()).extracting(KitField::name).containsExactly("email");
        assertThat(plain.read(new Plain("p1", "b@x"), plain.indexOf("email"))).isEqualTo("b@x");
        assertThatThrownBy(() -> plain.create(new Object[2]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no generated schema");
    }

    @Test
    void mockDb_takesKeysAndUniqueValuesFromTheSchema() {
        MockDB db = MockDB.create();
        Table<Handle> handles = db.table(Handle.class);
        Handle ann = new Handle("h1", "ann@example.com");
        Handle copy = new Handle("h2", "ann@example.com");
        db.expect(handles).create(ann).succeeds();
        db.expect(handles).create(copy).succeeds();
        int before = SCHEMA_READS.get();

        handles.create(ann);
        assertThat(handles.keyOf(ann)).isEqualTo(dev.dynamorm.Key.of("h1"));
        // the schema alone says email is unique: a reflective read would see no @Unique
        assertThatThrownBy(() -> handles.create(copy))
                .isInstanceOf(UniqueConstraintException.class)
                .hasMessageContaining(
                        "@Unique field 'email' already has the value 'ann@example.com'");
        assertThat(SCHEMA_READS.get()).isGreaterThan(before);
    }
}
