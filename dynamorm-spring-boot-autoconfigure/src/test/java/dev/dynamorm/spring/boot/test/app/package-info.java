/** The application of the slice test. */
package dev.dynamorm.spring.boot.test.app;
