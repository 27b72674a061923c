/**
 * The expression layer: the immutable {@link dev.dynamorm.engine.internal.expr.Expression} (text,
 * placeholders, bound values or slots, what it reads and what an update writes, with its clauses),
 * built by {@link dev.dynamorm.engine.internal.expr.ExpressionBuilder}; attribute paths, value
 * binding, the condition and update compilers and the update builder. Every key, filter, condition,
 * projection and update expression goes through it, and whoever combines expressions (a write's
 * condition with a hook's, a unique-value guard, SET actions hooks add) combines these values,
 * never their text. Depends only on the model package. Internal and unsupported: it may change at
 * any time.
 */
package dev.dynamorm.engine.internal.expr;
