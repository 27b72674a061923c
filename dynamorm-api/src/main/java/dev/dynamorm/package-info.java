/**
 * The DynamORM API: the {@link dev.dynamorm.DynamORM} entry point, {@link dev.dynamorm.Table} and
 * {@link dev.dynamorm.Query}, conditions, write options and the exception hierarchy rooted at
 * {@link dev.dynamorm.DynamORMException}.
 */
package dev.dynamorm;
