/**
 * The DynamORM audit plugin's configuration ({@link dev.dynamorm.plugin.audit.AuditConfig}), its
 * SPIs ({@link dev.dynamorm.plugin.audit.ActorProvider}, {@link
 * dev.dynamorm.plugin.audit.AuditSink}), the record it writes ({@link
 * dev.dynamorm.plugin.audit.AuditRecord}) and the model of its audit table ({@link
 * dev.dynamorm.plugin.audit.AuditEntry}).
 *
 * <p>Every successful write through DynamORM (create, put, update, delete, each item of a batch
 * write, each action of a transaction) produces one record: operation, table, model, key, actor,
 * timestamp (from the instance's clock), changed fields and, when enabled, before and after images.
 * Values of {@code @Encrypted} fields are never written in clear: images show them as {@code
 * <encrypted>}; fields listed for redaction show as {@code <redacted>}.
 */
package dev.dynamorm.plugin.audit;
