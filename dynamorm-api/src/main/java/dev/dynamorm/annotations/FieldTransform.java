package dev.dynamorm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Marks a field annotation whose fields a plugin transforms: their values are changed before they
 * are written and changed back after they are read (encryption, tokenization, compression). {@link
 * Encrypted} is one; a third-party plugin defines its own and declares it in {@link
 * dev.dynamorm.Hook#transformedFields()}. Plugin authors use it; models use the annotations it
 * marks.
 *
 * <pre>{@code
 * @FieldTransform(storedAs = AttributeValue.Type.B, plugin = "acme-compression")
 * @Retention(RetentionPolicy.RUNTIME)
 * @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
 * public @interface Compressed {}
 * }</pre>
 *
 * <p>The engine treats the stored value of such a field as opaque, and fails closed:
 *
 * <ul>
 *   <li>it refuses every read and write of a model with fields so marked (before anything is sent)
 *       unless an installed hook declares the annotation in {@link
 *       dev.dynamorm.Hook#transformedFields()};
 *   <li>after the write transforms ({@link dev.dynamorm.Hook#beforeWrite}), every such attribute
 *       must hold a value of type {@link #storedAs()} other than the one given, or the write is
 *       refused;
 *   <li>such a field cannot be a key, an index key, a version, timestamp or time-to-live field, nor
 *       be used in conditions, filters or projections into its parts.
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface FieldTransform {

    /**
     * The attribute type every transformed value is stored as.
     *
     * @return the stored type, e.g. {@code B} for ciphertext
     */
    AttributeValue.Type storedAs();

    /**
     * What to install when no hook transforms the annotation, for the engine's error message.
     *
     * @return the plugin's artifact or name, e.g. {@code dynamorm-plugin-encryption}
     */
    String plugin();
}
