package dev.dynamorm.local.internal.expr;

import java.util.List;

/** An operand inside a condition or update expression. */
sealed interface Operand {
    record PathRef(Path path) implements Operand {}

    record ValueRef(String name) implements Operand {}

    record Size(Operand arg) implements Operand {}

    record IfNotExists(Path path, Operand fallback) implements Operand {}

    record ListAppend(Operand left, Operand right) implements Operand {}

    record Arithmetic(boolean plus, Operand left, Operand right) implements Operand {}

    record Function(String name, List<Operand> args) implements Operand {}
}
