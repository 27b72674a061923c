/**
 * The sample app: a model and the service a DynamORM user writes against the {@code DynamORM}
 * interface, tested with the test kit on a real backend and on a MockDB.
 */
package dev.dynamorm.sample;
