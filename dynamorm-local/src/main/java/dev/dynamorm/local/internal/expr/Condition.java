package dev.dynamorm.local.internal.expr;

import java.util.List;

/** A parsed condition (also used for filter and key-condition expressions). */
public sealed interface Condition {
    record And(Condition left, Condition right) implements Condition {}

    record Or(Condition left, Condition right) implements Condition {}

    record Not(Condition inner) implements Condition {}

    record Compare(Token.Kind op, Operand left, Operand right) implements Condition {}

    record Between(Operand value, Operand low, Operand high) implements Condition {}

    record In(Operand value, List<Operand> candidates) implements Condition {}

    record Call(String function, List<Operand> args) implements Condition {}
}
