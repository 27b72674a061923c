/** The embedded engine (dynamorm-local) for tests and local development. */
package dev.dynamorm.spring.boot.autoconfigure.local;
