package dev.dynamorm.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.UniqueConstraintException;
import dev.dynamorm.test.fixtures.Fixture;
import dev.dynamorm.test.fixtures.FixtureException;
import dev.dynamorm.test.fixtures.Fixtures;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The test kit with single-table models: models given as members of an entity family create the
 * family's table once, fixtures name member types (or the family, with the discriminator), write
 * template keys, discriminators and {@code @Unique} sentinels, and {@code drift()} finds none.
 */
@DynamoBackend(models = {KitShop.Customer.class, KitShop.Order.class})
@Fixture("fixtures/shop.yaml")
abstract class SingleTableFixturesSuite {

    private static final KitShop.Order O1 =
            new KitShop.Order("c1", "o1", "PAID", Instant.parse("2026-01-05T10:00:00Z"), 1250);
    private static final KitShop.Order O2 =
            new KitShop.Order("c1", "o2", "NEW", Instant.parse("2026-01-06T10:00:00Z"), 300);

    @Test
    void fixturesNameMemberTypesAndTheFamily(DynamORM db) {
        Table<KitShop> shop = db.table(KitShop.class);

        assertThat(shop.where("customerId", "=", "c1").all())
                .containsExactlyInAnyOrder(new KitShop.Customer("c1", "Ada", "ada@x.org"), O1, O2);
        assertThat(db.table(KitShop.Customer.class).where("customerId", "=", "c#2").all())
                .containsExactly(new KitShop.Customer("c#2", "Eve", "eve@x.org"));
        assertThat(db.table(KitShop.Order.class).where("status", "=", "NEW").all())
                .containsExactly(O2);
    }

    @Test
    void fixtureItemsAreStoredWithTemplateKeysAndDiscriminators(
            DynamORM db, DynamoDbClient client) {
        String table = db.table(KitShop.class).tableName();

        Map<String, AttributeValue> order =
                client.getItem(
                                r ->
                                        r.tableName(table)
                                                .key(
                                                        Map.of(
                                                                "PK",
                                                                        AttributeValue.fromS(
                                                                                "CUSTOMER#c1"),
                                                                "SK",
                                                                        AttributeValue.fromS(
                                                                                "ORDER#o2"))))
                        .item();
        assertThat(order.get("kind")).isEqualTo(AttributeValue.fromS("ORDER"));
        assertThat(order.get("by-statusPK")).isEqualTo(AttributeValue.fromS("STATUS#NEW"));
        Map<String, AttributeValue> eve =
                client.getItem(
                                r ->
                                        r.tableName(table)
                                                .key(
                                                        Map.of(
                                                                "PK",
                                                                        AttributeValue.fromS(
                                                                                "CUSTOMER#c\\#2"),
                                                                "SK",
                                                                        AttributeValue.fromS(
                                                                                "PROFILE"))))
                        .item();
        assertThat(eve.get("kind")).isEqualTo(AttributeValue.fromS("CUSTOMER"));
    }

    @Test
    void fixturesOfUniqueFieldsWriteTheirSentinels(DynamORM db) {
        Table<KitShop.Customer> customers = db.table(KitShop.Customer.class);

        assertThatThrownBy(
                        () -> customers.create(new KitShop.Customer("c9", "Mallory", "ada@x.org")))
                .isInstanceOf(UniqueConstraintException.class);
    }

    @Test
    void theFamilyAndItsMembersSeeNoDrift(DynamORM db) {
        assertThat(db.table(KitShop.class).drift().differences()).isEmpty();
        assertThat(db.table(KitShop.Order.class).drift().differences()).isEmpty();
        assertThat(db.table(KitShop.Customer.class).drift().differences()).isEmpty();
    }

    @Test
    void aFamilyItemWithAnUnknownTypeFailsNamingTheMembers(Fixtures fixtures) {
        assertThatThrownBy(() -> fixtures.load("fixtures/shop-unknown-kind.json"))
                .isInstanceOf(FixtureException.class)
                .hasMessageContaining(
                        "'kind' is 'INVOICE', which is no member of entity family KitShop: one of"
                                + " [CUSTOMER, ORDER]");
    }
}
