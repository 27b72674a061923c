package dev.dynamorm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the table's sort (range) key. A model has at most one, and only together with a partition
 * key.
 *
 * <p>On a field, the field holds the key; its converter must produce a string, number or binary
 * attribute. On the model type, with a {@link #template()}, the key is computed from fields as
 * described for {@link PartitionKey}: {@code @SortKey(template = "ORDER#{createdAt}#{orderId}")}. A
 * query giving {@code "="} on only the leading fields of a sort template reads the items whose key
 * begins with those parts.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT, ElementType.TYPE})
public @interface SortKey {
    /**
     * On the model type: the template the key is computed from. Must be empty on a field.
     *
     * @return the template, empty by default
     */
    String template() default "";

    /**
     * On the model type: the name of the computed key attribute.
     *
     * @return the attribute name; empty (the default) means {@code "SK"}
     */
    String attribute() default "";
}
