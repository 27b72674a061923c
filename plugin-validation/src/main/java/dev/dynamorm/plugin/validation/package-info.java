/**
 * The validation plugin's configuration ({@link dev.dynamorm.plugin.validation.ValidationConfig})
 * and the exception a write with constraint violations raises ({@link
 * dev.dynamorm.plugin.validation.ConstraintViolationsException}).
 */
package dev.dynamorm.plugin.validation;
