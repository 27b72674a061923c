package dev.dynamorm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record or JavaBean as a model stored in a DynamoDB table.
 *
 * <p>Named {@code DynamoTable} so that it does not clash with {@link dev.dynamorm.Table}, which
 * user code imports alongside it.
 *
 * <p>A type used only as a nested value (an attribute of type map) needs no annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DynamoTable {
    /**
     * The table name; a table-name prefix configured on {@code DynamORM} is prepended.
     *
     * @return the table name
     */
    String value();

    /**
     * How Java field names become attribute names when no {@link Attribute} rename is given.
     *
     * @return the naming convention, {@link NamingConvention#CAMEL_CASE} by default
     */
    NamingConvention naming() default NamingConvention.CAMEL_CASE;
}
