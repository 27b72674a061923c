package dev.dynamorm.local.internal.expr;

import java.util.Set;

/** A parsed expression together with the placeholders ({@code #n}, {@code :v}) it references. */
public record Parsed<T>(T ast, Set<String> names, Set<String> values, String kind) {
    public Parsed {
        names = Set.copyOf(names);
        values = Set.copyOf(values);
    }
}
