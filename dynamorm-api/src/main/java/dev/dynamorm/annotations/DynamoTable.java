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
 *
 * <p><b>Entity families.</b> On a sealed interface (or sealed abstract class), the annotation
 * declares a family of entity types stored in one table: every permitted subtype is a member, a
 * record or bean declaring its own fields and keys, without {@code @DynamoTable} of its own. Each
 * item carries a discriminator attribute (named by {@link #discriminator()}) whose value names the
 * member type: the member's simple name, or its {@link Discriminator} value. {@code
 * db.table(Family.class)} reads and writes every member; {@code db.table(Member.class)} reads and
 * writes only that member. Every member maps the same key attributes (same attribute names and
 * types).
 *
 * <pre>{@code
 * @DynamoTable(value = "shop", discriminator = "kind")
 * sealed interface ShopItem permits Customer, Order {}
 *
 * record Customer(@PartitionKey String pk, @SortKey String sk, String name) implements ShopItem {}
 *
 * @Discriminator("ORDER")
 * record Order(@PartitionKey String pk, @SortKey String sk, long totalCents) implements ShopItem {}
 * }</pre>
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

    /**
     * For an entity family (the annotation on a sealed interface or abstract class), the attribute
     * that stores each item's member type. Ignored on a single model.
     *
     * @return the discriminator attribute name, {@code "_type"} by default
     */
    String discriminator() default "_type";
}
