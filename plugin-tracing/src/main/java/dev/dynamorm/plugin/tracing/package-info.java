/**
 * Configuration of the DynamORM tracing plugin ({@link dev.dynamorm.plugin.tracing.TracingConfig}).
 *
 * <p>Every request DynamORM sends (each page of a query or scan, each chunk of a batch) becomes a
 * CLIENT span named {@code "<AWS operation> <table>"} (e.g. {@code "PutItem orders"}), child of the
 * caller's current span, with the attributes {@code db.system=dynamodb}, {@code db.operation} (the
 * AWS operation), {@code rpc.system=aws-api}, {@code rpc.service=DynamoDB}, {@code rpc.method},
 * {@code aws.dynamodb.table_names}, and where they apply {@code aws.dynamodb.index_name}, {@code
 * aws.dynamodb.consistent_read}, {@code aws.dynamodb.limit}, {@code aws.dynamodb.projection},
 * {@code aws.dynamodb.select}, {@code aws.dynamodb.count}, {@code aws.dynamodb.scanned_count},
 * {@code aws.dynamodb.consumed_capacity}, plus {@code dynamorm.operation}, {@code dynamorm.model},
 * {@code dynamorm.page}, {@code dynamorm.attempts} and {@code dynamorm.cache_hit}. A failure is
 * recorded as an exception event and sets the status to ERROR. Attribute values are never recorded.
 */
package dev.dynamorm.plugin.tracing;
