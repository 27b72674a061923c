/** The validation plugin's implementation. Unsupported: may change in any release. */
package dev.dynamorm.plugin.validation.internal;
