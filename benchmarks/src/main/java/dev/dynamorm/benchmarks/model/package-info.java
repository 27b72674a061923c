/**
 * The benchmark models as DynamORM maps them (records and classes), their Enhanced Client bean
 * twins with reflective and hand-built static schemas, hand-written codecs as the baseline, and the
 * fixtures that fill them.
 */
package dev.dynamorm.benchmarks.model;
