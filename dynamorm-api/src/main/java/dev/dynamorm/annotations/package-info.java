/**
 * Annotations that map records and JavaBeans to DynamoDB items.
 *
 * <p>Annotations may be placed on record components, fields, or bean getters.
 */
package dev.dynamorm.annotations;
