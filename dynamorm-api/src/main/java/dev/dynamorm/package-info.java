/**
 * The DynamORM API: the {@link dev.dynamorm.DynamORM} entry point, {@link dev.dynamorm.Table} and
 * {@link dev.dynamorm.Query}, conditions, write options and the exception hierarchy rooted at
 * {@link dev.dynamorm.DynamORMException}.
 */
@NullMarked
package dev.dynamorm;

import org.jspecify.annotations.NullMarked;
