package dev.dynamorm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a non-key field whose value at most one item of the table may hold (an e-mail address, a
 * user name).
 *
 * <p>DynamoDB has no unique constraints, so DynamORM keeps one sentinel item per value in the same
 * table (partition key {@code $unique#<attribute>#<value>}) and writes it in the same transaction
 * as the item: a create puts it, an update or put that changes the value moves it, a delete removes
 * it. A clash fails with {@link dev.dynamorm.UniqueConstraintException} naming the field and the
 * value, and nothing is written. Writes of such a model therefore use TransactWriteItems (a put,
 * update or delete reads the stored value first), batch writes of it are refused, and scans do not
 * return the sentinels.
 *
 * <p>The field's converter must write a string, number or binary; the table's partition key (and
 * sort key, if any) must be strings, so that the sentinels fit beside the items. A null value holds
 * no sentinel (any number of items may lack it).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Unique {}
