package dev.dynamorm.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTestContextBootstrapper;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A test slice that loads only DynamORM: the {@code DynamORM} bean and the {@code Table<Model>}
 * beans of the application's models, over an embedded engine ({@code dynamorm.local.enabled=true})
 * whose tables are created from the models ({@code dynamorm.create-tables-if-missing=true}). None
 * of the application's own components are loaded; {@code @Import} the ones a test needs. Override
 * either property with {@code @TestPropertySource} to test against another endpoint.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(SpringBootTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(DynamORMTypeExcludeFilter.class)
@AutoConfigureDynamORM
@TestPropertySource(
        properties = {"dynamorm.local.enabled=true", "dynamorm.create-tables-if-missing=true"})
public @interface DynamORMTest {}
