package dev.dynamorm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sets the discriminator value of a member of an entity family (see {@link DynamoTable}): the value
 * its items carry in the family's discriminator attribute. Without it the value is the member's
 * simple class name.
 *
 * <p>Values must be unique within a family. An item whose discriminator names no member fails to
 * read with an {@code InvalidRequestException} naming the value and the known ones, unless one
 * member is the {@linkplain #fallback() fallback}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Discriminator {
    /**
     * The discriminator value written with this member's items.
     *
     * @return the value; empty (the default) means the simple class name
     */
    String value() default "";

    /**
     * Whether items with a discriminator value no member declares (or with none) are read as this
     * member instead of failing. At most one member of a family is the fallback; writing one of its
     * instances stores its own {@link #value()}.
     *
     * @return false by default
     */
    boolean fallback() default false;
}
