package dev.dynamorm.local.internal.expr;

import java.util.List;

/**
 * A document path as written: each element is either a name ({@code a}, {@code #n}) or a list
 * index. Names are resolved against ExpressionAttributeNames when evaluated.
 */
public record Path(List<Elem> elems) {
    public Path {
        elems = List.copyOf(elems);
    }

    /** A path element: a name (index = -1) or a list index (name = null). */
    public record Elem(String name, int index) {
        boolean isIndex() {
            return name == null;
        }
    }
}
