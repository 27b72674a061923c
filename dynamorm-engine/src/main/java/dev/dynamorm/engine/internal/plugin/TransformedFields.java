package dev.dynamorm.engine.internal.plugin;

import dev.dynamorm.ModelInfo;
import dev.dynamorm.Operation;
import dev.dynamorm.PluginException;
import dev.dynamorm.annotations.Encrypted;
import dev.dynamorm.annotations.FieldTransform;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import java.lang.annotation.Annotation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The transformed fields of a model, per field annotation marked {@link FieldTransform} (such as
 * {@code @Encrypted}), and the fail-closed check on what the write transforms made of them: each
 * such attribute must leave the hooks changed and stored as its annotation's {@link
 * FieldTransform#storedAs()} type. Nothing here knows about encryption beyond the wording of its
 * message.
 */
public final class TransformedFields {

    private TransformedFields() {}

    /**
     * The attribute names of a model's transformed fields, per transform annotation, in declaration
     * order.
     *
     * @param model the model
     * @return annotation to attribute names; empty when no field is transformed
     */
    public static Map<Class<? extends Annotation>, Set<String>> of(ModelMetadata<?> model) {
        if (model.encryptedFields().isEmpty()) {
            return Map.of();
        }
        Map<Class<? extends Annotation>, Set<String>> out = new LinkedHashMap<>();
        for (FieldMetadata f : model.encryptedFields()) {
            for (Class<? extends Annotation> a : f.transforms()) {
                out.computeIfAbsent(a, k -> new LinkedHashSet<>()).add(f.attributeName());
            }
        }
        out.replaceAll((a, attributes) -> Collections.unmodifiableSet(attributes));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Fails when a transformed attribute would be written as given, or as another type than its
     * annotation's {@link FieldTransform#storedAs()}: no hook (or a faulty one) transformed it.
     *
     * @param model the model written
     * @param transforms what {@link #of} answered for it
     * @param op the operation
     * @param table the table written
     * @param in the item the hooks got
     * @param out the item the hooks gave back
     * @throws PluginException naming the attribute, the annotation and the plugin to install
     */
    static void requireTransformed(
            ModelInfo model,
            Map<Class<? extends Annotation>, Set<String>> transforms,
            Operation op,
            String table,
            Map<String, AttributeValue> in,
            Map<String, AttributeValue> out) {
        transforms.forEach(
                (annotation, attributes) -> {
                    FieldTransform rule = annotation.getAnnotation(FieldTransform.class);
                    for (String attribute : attributes) {
                        AttributeValue given = in.get(attribute);
                        AttributeValue written = out.get(attribute);
                        if (given != null
                                && written != null
                                && (written.equals(given)
                                        || (rule != null && written.type() != rule.storedAs()))) {
                            throw refused(
                                    model,
                                    annotation,
                                    rule,
                                    op,
                                    table,
                                    attribute,
                                    written,
                                    written.equals(given));
                        }
                    }
                });
    }

    private static PluginException refused(
            ModelInfo model,
            Class<? extends Annotation> annotation,
            FieldTransform rule,
            Operation op,
            String table,
            String attribute,
            AttributeValue written,
            boolean unchanged) {
        String plugin =
                rule == null
                        ? "the plugin that transforms @" + annotation.getSimpleName()
                        : rule.plugin();
        String message;
        if (annotation == Encrypted.class) {
            message =
                    String.format(
                            Locale.ROOT,
                            "attribute '%s' of @Encrypted field of model %s was not encrypted by"
                                    + " any plugin before %s on table '%s': refusing to write it in"
                                    + " plaintext; install and configure the plugin that transforms"
                                    + " it (%s)",
                            attribute,
                            model.type().getName(),
                            op.name().toLowerCase(Locale.ROOT),
                            table,
                            plugin);
        } else {
            message =
                    String.format(
                            Locale.ROOT,
                            "attribute '%s' of @%s field of model %s was not transformed by any"
                                    + " plugin before %s on table '%s' (%s): refusing to write it"
                                    + " as given; install and configure the plugin that transforms"
                                    + " it (%s)",
                            attribute,
                            annotation.getSimpleName(),
                            model.type().getName(),
                            op.name().toLowerCase(Locale.ROOT),
                            table,
                            unchanged || rule == null
                                    ? "the hooks gave it back unchanged"
                                    : "the hooks gave back "
                                            + written.type()
                                            + ", it must be stored as "
                                            + rule.storedAs(),
                            plugin);
        }
        return new PluginException(message, null, op, model.type(), null);
    }
}
