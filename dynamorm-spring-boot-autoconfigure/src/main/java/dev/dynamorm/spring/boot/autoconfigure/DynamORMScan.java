package dev.dynamorm.spring.boot.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Names the packages scanned for {@code @DynamoTable} models; each model found becomes a {@code
 * Table<Model>} bean, injectable by its generic type ({@code @Autowired Table<Order> orders}).
 * Without it (and without {@code dynamorm.scan-packages}) the application's package is scanned.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(ScanPackagesRegistrar.class)
public @interface DynamORMScan {

    /**
     * The packages to scan (with their sub-packages).
     *
     * @return package names
     */
    String[] value() default {};

    /**
     * Classes whose packages are scanned: a type-safe alternative to {@link #value()}.
     *
     * @return classes
     */
    Class<?>[] basePackageClasses() default {};
}
