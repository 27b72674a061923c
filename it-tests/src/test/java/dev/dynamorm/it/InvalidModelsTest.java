package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.Operation;
import dev.dynamorm.annotations.Attribute;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.Encrypted;
import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.KeyRole;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.annotations.Ttl;
import dev.dynamorm.annotations.Version;
import dev.dynamorm.local.LocalDynamoDb;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of invalid model fails at {@code db.table(...)} with a message naming the class and
 * the field, and nothing reaches the server.
 */
final class InvalidModelsTest {

    @DynamoTable("t")
    record NoPartitionKey(String id) {}

    @DynamoTable("t")
    record TwoPartitionKeys(@PartitionKey String a, @PartitionKey String b) {}

    @DynamoTable("t")
    record SortWithoutPartition(String id, @SortKey String sort) {}

    @DynamoTable("t")
    record UnsupportedType(@PartitionKey String id, Thread worker) {}

    record Inner(Thread worker) {}

    record Outer(Inner inner) {}

    @DynamoTable("t")
    record UnsupportedNestedType(@PartitionKey String id, Outer outer) {}

    @DynamoTable("t")
    record VersionNotIntegral(@PartitionKey String id, @Version String version) {}

    @DynamoTable("t")
    record TtlNotTime(@PartitionKey String id, @Ttl LocalDate expires) {}

    @DynamoTable("t")
    record IndexWithoutPartition(
            @PartitionKey String id, @IndexKey(index = "by-x", role = KeyRole.SORT) String x) {}

    @DynamoTable("t")
    record DuplicateAttribute(
            @PartitionKey String id,
            @Attribute("name") String first,
            @Attribute("name") String second) {}

    @DynamoTable("t")
    record EncryptedKey(@PartitionKey @Encrypted String id) {}

    @DynamoTable("t")
    record KeyNotScalar(@PartitionKey List<String> id) {}

    static Stream<Arguments> invalidModels() {
        return Stream.of(
                Arguments.of(NoPartitionKey.class, "has no @PartitionKey"),
                Arguments.of(TwoPartitionKeys.class, "'a'"),
                Arguments.of(TwoPartitionKeys.class, "'b'"),
                Arguments.of(SortWithoutPartition.class, "has no @PartitionKey"),
                Arguments.of(UnsupportedType.class, "worker"),
                Arguments.of(UnsupportedNestedType.class, "outer.inner.worker"),
                Arguments.of(VersionNotIntegral.class, "version"),
                Arguments.of(TtlNotTime.class, "expires"),
                Arguments.of(IndexWithoutPartition.class, "by-x"),
                Arguments.of(DuplicateAttribute.class, "'name'"),
                Arguments.of(EncryptedKey.class, "id"),
                Arguments.of(KeyNotScalar.class, "id"));
    }

    private static LocalDynamoDb local;
    private static DynamORM db;

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
        db = DynamORM.builder().client(local.client()).build();
    }

    @AfterAll
    static void stop() {
        db.close();
        local.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidModels")
    void table_ofInvalidModel_failsNamingClassAndField(Class<?> model, String fieldHint) {
        assertThatThrownBy(() -> db.table(model))
                .isInstanceOfSatisfying(
                        ModelDefinitionException.class,
                        e -> {
                            assertThat(e.getMessage())
                                    .contains(model.getSimpleName())
                                    .contains(fieldHint);
                            assertThat(e.operation()).contains(Operation.REGISTER);
                            assertThat(e.modelType()).contains(model);
                        });
        assertThat(local.client().listTables().tableNames()).isEmpty();
    }
}
