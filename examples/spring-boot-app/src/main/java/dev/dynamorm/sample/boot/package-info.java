/** A Spring Boot service on the DynamORM starter. */
package dev.dynamorm.sample.boot;
