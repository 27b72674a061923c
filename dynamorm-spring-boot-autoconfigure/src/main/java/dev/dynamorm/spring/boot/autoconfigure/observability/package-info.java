/** Metrics, tracing, health and info for DynamORM in a Spring Boot application. */
package dev.dynamorm.spring.boot.autoconfigure.observability;
