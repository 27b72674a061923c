/**
 * DynamoDB expressions: lexer, parser (with the service's length and nesting limits), placeholder
 * bindings, evaluation of conditions, projections, key conditions and update expressions.
 */
package dev.dynamorm.local.internal.expr;
