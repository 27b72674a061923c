package dev.dynamorm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the converter used for this field instead of the one found by type.
 *
 * <p>The converter class needs a public no-argument constructor.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Convert {
    /**
     * The converter class.
     *
     * @return the converter class
     */
    Class<? extends dev.dynamorm.Converter<?>> value();
}
