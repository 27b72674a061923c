/** Test models. */
package dev.dynamorm.spring.boot.autoconfigure.sample;
