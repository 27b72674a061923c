package dev.dynamorm.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Imports DynamORM's auto-configurations (and nothing else) into a test: the embedded engine, the
 * {@code DynamORM} bean and the table beans. Listed in {@code
 * META-INF/spring/dev.dynamorm.spring.boot.test.AutoConfigureDynamORM.imports}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureDynamORM {}
