package dev.dynamorm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field to be stored encrypted by the encryption plugin.
 *
 * <p>Without the plugin, the engine refuses to read or write models with encrypted fields.
 * Encrypted fields cannot be keys or index keys. The engine knows it only as a {@link
 * FieldTransform}: the encryption plugin's hook declares it in {@link
 * dev.dynamorm.Hook#transformedFields()}.
 */
@Documented
@FieldTransform(
        storedAs = software.amazon.awssdk.services.dynamodb.model.AttributeValue.Type.B,
        plugin = "dynamorm-plugin-encryption")
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Encrypted {}
