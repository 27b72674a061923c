package dev.dynamorm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the time-to-live attribute: stored as epoch seconds (a number) whatever the Java type.
 *
 * <p>Allowed types: {@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime}, {@code
 * long}/{@code Long} (epoch seconds). Creating the table from the model enables TTL on this
 * attribute.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Ttl {}
