package dev.dynamorm.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORM;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A member of an entity family creates the family's table, with every member's indexes, and sees no
 * drift against it.
 */
@DynamoBackend(Backend.EMBEDDED)
class FamilyMemberTableTest {

    @Test
    void aMemberCreatesTheFamilysTableWithEveryMembersIndexes(DynamORM db) {
        // customers declare no index; the family's table has orders' by-status index
        db.table(KitShop.Customer.class).createTable();
        KitShop.Order order =
                new KitShop.Order("c1", "o1", "PAID", Instant.parse("2026-01-05T10:00:00Z"), 1);
        db.table(KitShop.Order.class).create(order);

        assertThat(db.table(KitShop.class).drift().differences()).isEmpty();
        assertThat(db.table(KitShop.Customer.class).drift().differences()).isEmpty();
        assertThat(db.table(KitShop.Order.class).where("status", "=", "PAID").all())
                .containsExactly(order);
    }
}
