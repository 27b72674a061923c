/**
 * Annotations that map records and JavaBeans to DynamoDB items.
 *
 * <p>Annotations may be placed on record components, fields, or bean getters.
 */
@NullMarked
package dev.dynamorm.annotations;

import org.jspecify.annotations.NullMarked;
