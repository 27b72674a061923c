package dev.dynamorm.examples;

import dev.dynamorm.QueryModifier;
import java.time.Instant;

/** Reusable query modifiers of the README's "Query modifiers" section. */
final class OrderModifiers {

    private OrderModifiers() {}

    static QueryModifier<Order> notCancelled() {
        return QueryModifier.of("notCancelled", q -> q.filter("status", "<>", "CANCELLED"));
    }

    static QueryModifier<Order> createdAfter(Instant t) {
        return QueryModifier.of(
                "createdAfter", q -> q.where("createdAt", ">", t)); // may narrow a key
    }
}
