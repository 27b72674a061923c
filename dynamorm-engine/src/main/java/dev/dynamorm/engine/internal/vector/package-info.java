/**
 * Vector search: the vector indexes a model declares with {@link
 * dev.dynamorm.annotations.VectorIndex}, their part of CreateTable and of the drift report, and the
 * {@code SearchVectors} queries of {@link dev.dynamorm.Table#nearest(String, float[])}.
 *
 * <p>Internal and unsupported: may change at any time.
 */
package dev.dynamorm.engine.internal.vector;
