/**
 * The expression layer: attribute paths, value binding, the condition compiler, the update builder
 * and the placeholder builder that every key, filter, condition, projection and update expression
 * goes through. Depends only on the model package. Internal and unsupported: it may change at any
 * time.
 */
package dev.dynamorm.engine.internal.expr;
