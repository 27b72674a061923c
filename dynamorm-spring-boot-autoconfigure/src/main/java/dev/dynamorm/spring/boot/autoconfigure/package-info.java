/**
 * Spring Boot auto-configuration for DynamORM: the {@code DynamORM} bean ({@link
 * dev.dynamorm.spring.boot.autoconfigure.DynamORMAutoConfiguration}), its properties ({@link
 * dev.dynamorm.spring.boot.autoconfigure.DynamORMProperties}) and model scanning ({@link
 * dev.dynamorm.spring.boot.autoconfigure.DynamORMScan}).
 */
package dev.dynamorm.spring.boot.autoconfigure;
