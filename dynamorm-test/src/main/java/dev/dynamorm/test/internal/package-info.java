/**
 * Not exported: what the test kit reads from a model class, shared by fixtures and MockDB. A model
 * compiled with {@code dynamorm-processor} is read through its generated schema (no reflection on
 * the model, so its package need not be opened and a native image needs no reflection metadata);
 * other models are read reflectively, as the engine reads them.
 */
package dev.dynamorm.test.internal;
