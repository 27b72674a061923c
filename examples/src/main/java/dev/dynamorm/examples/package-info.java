/**
 * The README's runnable tours on the embedded engine (quickstart, writes, queries, indexes,
 * modifiers, async, plugins) and the models they share.
 */
package dev.dynamorm.examples;
