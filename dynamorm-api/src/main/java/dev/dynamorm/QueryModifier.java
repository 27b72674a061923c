package dev.dynamorm;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A named, reusable amendment of a query: one link of the chain of responsibility every query runs
 * through before it is compiled. Applied to one query with {@link Query#with(QueryModifier)}, or to
 * every query and scan of a model when a {@link Plugin} returns it from {@link
 * Plugin#queryModifiers(Class, ModelInfo)}.
 *
 * <p>A modifier runs at each terminal call (so it may read the current user, tenant or clock), on a
 * query that holds none of the other conditions: the conditions it adds are AND-ed with the
 * query's, and an {@code or(..)} inside it combines only its own conditions. So a modifier can
 * neither drop nor widen the query's conditions nor another modifier's. Order: the modifiers of the
 * plugins first (in plugin order), then the query's own in the order of the {@code with} calls. The
 * values it gives go through the fields' converters like every other value, and {@link
 * Query#explain()} lists the modifiers applied, by name ({@link
 * dev.dynamorm.QueryPlan#modifiers()}).
 *
 * <pre>{@code
 * static QueryModifier<Order> activeOnly() {
 *     return QueryModifier.of("activeOnly", q -> q.filter("status", "<>", "CANCELLED"));
 * }
 * static QueryModifier<Order> createdAfter(Instant t) {
 *     return QueryModifier.of("createdAfter", q -> q.filter("createdAt", ">", t));
 * }
 * List<Order> recent = orders.where("customerId", "=", c)
 *         .with(activeOnly()).with(createdAfter(since)).all();
 * }</pre>
 *
 * <p>A modifier must only amend the query it is given: a terminal call ({@code first}, {@code all},
 * ...) inside it throws {@link IllegalStateException}. Implementations are immutable and
 * thread-safe.
 *
 * @param <T> the model type
 */
public interface QueryModifier<T> {

    /**
     * The modifier's name, shown by {@link Query#explain()} and in error messages.
     *
     * @return the name, e.g. {@code "activeOnly"}
     */
    String name();

    /**
     * Amends a query.
     *
     * @param query the query, without the other conditions
     * @return the amended query: {@code query} with conditions or options added
     */
    Query<T> apply(Query<T> query);

    /**
     * A modifier from a name and a function.
     *
     * @param name the name, not blank
     * @param body amends the query
     * @param <T> the model type
     * @return the modifier
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name is blank
     */
    static <T> QueryModifier<T> of(String name, UnaryOperator<Query<T>> body) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
        if (name.isBlank()) {
            throw new IllegalArgumentException("query modifier name must not be blank");
        }
        return new NamedQueryModifier<>(name, body);
    }
}
