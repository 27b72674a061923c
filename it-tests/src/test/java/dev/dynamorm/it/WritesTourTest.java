package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.BatchGetResult;
import dev.dynamorm.Key;
import dev.dynamorm.TransactionCanceledException;
import dev.dynamorm.examples.Order;
import dev.dynamorm.examples.Product;
import dev.dynamorm.examples.WritesTour;
import dev.dynamorm.local.LocalDynamoDb;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the README's writes tour on the embedded engine. */
final class WritesTourTest {

    @Test
    void writesTour_runsAndSeesWhatItWrote() {
        List<Order> many = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            many.add(
                    new Order(
                            "c-42",
                            "o-" + i,
                            "NEW",
                            Instant.parse("2026-01-01T00:00:00Z"),
                            i,
                            List.of("x"),
                            null));
        }
        Order order =
                new Order(
                        "c-42",
                        "o-99",
                        "NEW",
                        Instant.parse("2026-01-02T00:00:00Z"),
                        5,
                        List.of("y"),
                        null);
        try (LocalDynamoDb local = LocalDynamoDb.start()) {
            List<Object> seen = WritesTour.tour(local.client(), many, order);
            Product renamed = (Product) seen.get(0);
            assertThat(renamed.version()).isEqualTo(2);
            assertThat(renamed.tags()).containsExactlyInAnyOrder("office", "blue");
            assertThat(seen.get(1)).isEqualTo(1L);
            assertThat(((Product) seen.get(2)).stock()).isEqualTo(9);
            assertThat(seen.get(3)).isEqualTo(60);
            BatchGetResult<?> read = (BatchGetResult<?>) seen.get(4);
            assertThat(List.copyOf(read.items())).isEqualTo(List.of(many.get(0)));
            assertThat(read.missingKeys()).containsExactly(Key.of("c-42", "nope"));
            Product afterTx = (Product) seen.get(5);
            assertThat(afterTx.stock()).isEqualTo(8);
            assertThat(afterTx.version()).isEqualTo(4);
            @SuppressWarnings("unchecked")
            List<TransactionCanceledException.Reason> reasons =
                    (List<TransactionCanceledException.Reason>) seen.get(6);
            assertThat(reasons)
                    .extracting(TransactionCanceledException.Reason::code)
                    .containsExactly(
                            TransactionCanceledException.Code.NONE,
                            TransactionCanceledException.Code.ITEM_ALREADY_EXISTS);
        }
    }
}
