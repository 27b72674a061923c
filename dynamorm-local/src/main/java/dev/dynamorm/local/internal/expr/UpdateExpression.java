package dev.dynamorm.local.internal.expr;

import java.util.List;

/** A parsed UpdateExpression, grouped by clause. */
public record UpdateExpression(
        List<SetAction> sets, List<Path> removes, List<SetAction> adds, List<SetAction> deletes) {
    /** {@code SET path = value}, {@code ADD path :v} or {@code DELETE path :v}. */
    public record SetAction(Path path, Operand value) {}
}
