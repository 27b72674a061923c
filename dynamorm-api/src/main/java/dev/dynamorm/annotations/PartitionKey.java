package dev.dynamorm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the table's partition (hash) key. Every model has exactly one.
 *
 * <p>On a field, the field holds the key; its converter must produce a string, number or binary
 * attribute.
 *
 * <p><b>Key templates.</b> On the model type, with a {@link #template()}, the key is a string
 * attribute computed from fields: {@code @PartitionKey(template = "CUSTOMER#{customerId}")} stores
 * {@code PK = "CUSTOMER#c1"} for {@code customerId = "c1"}. A template is made of parts separated
 * by {@code #}; each part is a literal or exactly one {@code {field}} (a field whose converter
 * writes a string or number). Field values are written through their converters with {@code #} and
 * {@code \} escaped by a backslash, so no value can forge another part. The fields keep their own
 * attributes too; reads fill a field from the key when its attribute is missing, and a query's
 * {@code where(field, "=", value)} on every field of the template becomes a key condition.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT, ElementType.TYPE})
public @interface PartitionKey {
    /**
     * On the model type: the template the key is computed from. Must be empty on a field.
     *
     * @return the template, empty by default
     */
    String template() default "";

    /**
     * On the model type: the name of the computed key attribute.
     *
     * @return the attribute name; empty (the default) means {@code "PK"}
     */
    String attribute() default "";
}
