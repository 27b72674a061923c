/** Unique constraints: a non-key field whose value at most one item of the table may hold. */
package dev.dynamorm.examples.unique;
