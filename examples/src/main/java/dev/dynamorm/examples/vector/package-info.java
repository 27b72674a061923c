/** Vector search: a model with a vector index and its nearest-neighbour query. */
package dev.dynamorm.examples.vector;
