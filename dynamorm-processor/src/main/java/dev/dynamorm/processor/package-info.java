/**
 * The DynamORM annotation processor: writes a {@code ModelSchema} for every {@code @DynamoTable}
 * model and every nested record or bean it reaches, and reports model errors at compile time.
 * Unsupported as an API: only the generated code and the processor's service registration are meant
 * to be used.
 */
package dev.dynamorm.processor;
