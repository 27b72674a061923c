package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.Operation;
import dev.dynamorm.annotations.Attribute;
import dev.dynamorm.annotations.Discriminator;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.local.LocalDynamoDb;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid entity families fail at {@code db.table(...)} with a message naming the family, the
 * member and what to change, before anything reaches the server.
 */
final class EntityFamilyDefinitionsTest {

    @DynamoTable("t")
    interface NotSealed {}

    @DynamoTable("t")
    sealed interface SameTag permits SameTagA, SameTagB {}

    @Discriminator("X")
    record SameTagA(@PartitionKey String id) implements SameTag {}

    @Discriminator("X")
    record SameTagB(@PartitionKey String id) implements SameTag {}

    @DynamoTable("t")
    sealed interface TwoFallbacks permits FallbackA, FallbackB {}

    @Discriminator(fallback = true)
    record FallbackA(@PartitionKey String id) implements TwoFallbacks {}

    @Discriminator(fallback = true)
    record FallbackB(@PartitionKey String id) implements TwoFallbacks {}

    @DynamoTable("t")
    sealed interface OwnTable permits OwnTableMember {}

    @DynamoTable("other")
    record OwnTableMember(@PartitionKey String id) implements OwnTable {}

    @DynamoTable("t")
    sealed interface OtherKeys permits KeyedById, KeyedByCode {}

    record KeyedById(@PartitionKey String id) implements OtherKeys {}

    record KeyedByCode(@PartitionKey String code) implements OtherKeys {}

    @DynamoTable(value = "t", discriminator = "kind")
    sealed interface Clash permits ClashMember {}

    record ClashMember(@PartitionKey String id, @Attribute("kind") String category)
            implements Clash {}

    @DynamoTable("t")
    sealed interface TypeClash permits TypeClashA, TypeClashB {}

    record TypeClashA(@PartitionKey String id, String size) implements TypeClash {}

    record TypeClashB(@PartitionKey String id, long size) implements TypeClash {}

    static Stream<Arguments> invalidFamilies() {
        String p = EntityFamilyDefinitionsTest.class.getName() + "$";
        return Stream.of(
                Arguments.of(
                        NotSealed.class,
                        "model "
                                + p
                                + "NotSealed is an interface: a model must be a record, or a concrete class "
                                + "with a public no-argument constructor and getters and setters"),
                Arguments.of(
                        SameTag.class,
                        "members "
                                + p
                                + "SameTagA and "
                                + p
                                + "SameTagB of entity family "
                                + p
                                + "SameTag share the discriminator value 'X': give one of them another with "
                                + "@Discriminator(\"...\")"),
                Arguments.of(
                        TwoFallbacks.class,
                        "members "
                                + p
                                + "FallbackA and "
                                + p
                                + "FallbackB of entity family "
                                + p
                                + "TwoFallbacks are both marked @Discriminator(fallback = true): keep at most "
                                + "one fallback"),
                Arguments.of(
                        OwnTable.class,
                        "member "
                                + p
                                + "OwnTableMember of entity family "
                                + p
                                + "OwnTable has its own @DynamoTable: remove it (members are stored in the "
                                + "family's table 't')"),
                Arguments.of(
                        OtherKeys.class,
                        "entity family "
                                + p
                                + "OtherKeys: its members disagree on the partition key: KeyedById has 'id', "
                                + "KeyedByCode has 'code'; declare the same partition key in every member"),
                Arguments.of(
                        Clash.class,
                        "member "
                                + p
                                + "ClashMember of entity family "
                                + p
                                + "Clash maps field 'category' to attribute 'kind', the family's discriminator: "
                                + "rename the attribute with @Attribute, or choose another discriminator with "
                                + "@DynamoTable(discriminator = \"...\")"),
                Arguments.of(
                        TypeClash.class,
                        "entity family "
                                + p
                                + "TypeClash: members map field 'size' differently (types java.lang.String and "
                                + "long): give the field the same attribute name, type and annotations in every "
                                + "member, or rename it in one"));
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
    @MethodSource("invalidFamilies")
    void table_ofInvalidFamily_failsNamingFamilyAndFix(Class<?> family, String message) {
        assertThatThrownBy(() -> db.table(family))
                .isInstanceOfSatisfying(
                        ModelDefinitionException.class,
                        e -> {
                            assertThat(e.getMessage()).isEqualTo(message);
                            assertThat(e.operation()).contains(Operation.REGISTER);
                        });
        assertThat(local.client().listTables().tableNames()).isEmpty();
    }
}
