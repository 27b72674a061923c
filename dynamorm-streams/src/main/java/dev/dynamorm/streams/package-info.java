/**
 * Change data capture into models: {@link dev.dynamorm.streams.ChangeDecoder} maps DynamoDB Streams
 * records to {@link dev.dynamorm.streams.ChangeEvent}s through the model's converters and the
 * plugins' read transforms; {@link dev.dynamorm.streams.StreamConsumer} follows a table's stream
 * with checkpoints; {@link dev.dynamorm.streams.LambdaEvents} decodes Lambda's DynamoDB events;
 * {@link dev.dynamorm.streams.MaterializedView} maintains an aggregate table from changes.
 */
package dev.dynamorm.streams;
