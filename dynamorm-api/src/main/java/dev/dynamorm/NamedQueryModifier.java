package dev.dynamorm;

import java.util.function.UnaryOperator;

/** The {@link QueryModifier} of {@link QueryModifier#of(String, UnaryOperator)}. */
final class NamedQueryModifier<T> implements QueryModifier<T> {

    private final String name;
    private final UnaryOperator<Query<T>> body;

    NamedQueryModifier(String name, UnaryOperator<Query<T>> body) {
        this.name = name;
        this.body = body;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Query<T> apply(Query<T> query) {
        return body.apply(query);
    }

    @Override
    public String toString() {
        return "QueryModifier[" + name + "]";
    }
}
