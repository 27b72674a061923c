/**
 * The model-schema contract: what code generated at compile time by {@code dynamorm-processor}
 * tells the engine about a model, so that the engine needs no reflection on it.
 *
 * <p>For every {@code @DynamoTable} model (and every nested record or bean it reaches) the
 * processor writes a {@link dev.dynamorm.spi.schema.ModelSchema} next to the model, named after it
 * with a trailing underscore ({@code Order} gives {@code Order_}; a member type {@code Outer.Line}
 * gives {@code Outer_Line_}), and one {@link dev.dynamorm.spi.schema.ModelSchemaProvider} per
 * package ({@code DynamORM_Schemas}) listed in {@code META-INF/services}. The engine validates a
 * schema exactly as it validates a model it reads by reflection, so both paths accept and refuse
 * the same models with the same messages.
 *
 * <p>The contract is stable: a schema compiled against one release keeps working with later engines
 * of the same major version. Hand-written schemas are allowed but unusual.
 */
@NullMarked
package dev.dynamorm.spi.schema;

import org.jspecify.annotations.NullMarked;
