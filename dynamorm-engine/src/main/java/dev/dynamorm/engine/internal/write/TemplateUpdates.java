package dev.dynamorm.engine.internal.write;

import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.engine.internal.expr.ExpressionBuilder;
import dev.dynamorm.engine.internal.expr.UpdateCompiler;
import dev.dynamorm.engine.internal.expr.UpdateWrites;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.KeyTemplate;
import dev.dynamorm.engine.internal.model.KeyTemplates;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import dev.dynamorm.internal.FieldPaths;
import dev.dynamorm.internal.UpdateRecorder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What an update builder does to keys computed from templates. A field named by a table key
 * template cannot change (the key identifies the item): refused. An index key whose template names
 * a field the update sets is recomputed in the same update — from the values it sets, the instance
 * it was given, or the fields the item's own key holds — and refused when a field of the template
 * is known from none of them; an update that removes such a field removes the index key (the item
 * leaves the sparse index). Other actions on such a field (add, increment, ...) are refused: the
 * new value would not be known.
 */
final class TemplateUpdates {

    private TemplateUpdates() {}

    /**
     * Whether a field of the model is a key computed from a template, i.e. whether {@link #derive}
     * can do anything for an update of it (computed once per table).
     *
     * @param model the model
     * @return true when some field has a key template
     */
    static boolean applies(ModelMetadata<?> model) {
        for (FieldMetadata k : model.fields()) {
            if (!KeyTemplates.templatesOf(k).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds the recomputed (or removed) index keys to compiled clauses.
     *
     * @param model the model
     * @param actions the update's actions
     * @param key the item's key
     * @param attributes the instance's attributes when updating from an instance, else null
     * @param expr the request's placeholders
     * @param clauses the compiled clauses
     */
    static void derive(
            ModelMetadata<?> model,
            List<UpdateRecorder.Action> actions,
            Map<String, AttributeValue> key,
            Map<String, AttributeValue> attributes,
            ExpressionBuilder expr,
            UpdateCompiler.Clauses clauses) {
        Map<String, UpdateRecorder.Kind> touched = new HashMap<>();
        for (UpdateRecorder.Action a : actions) {
            String root = a.field() == null ? "" : FieldPaths.root(a.field());
            UpdateRecorder.Kind kind =
                    (a.kind() == UpdateRecorder.Kind.SET && a.value() == null)
                            ? UpdateRecorder.Kind.REMOVE
                            : a.kind();
            touched.put(root, kind);
        }
        Map<String, AttributeValue> known = null;
        UpdateWrites writes = clauses.writes();
        for (FieldMetadata k : model.fields()) {
            List<KeyTemplate> templates = KeyTemplates.templatesOf(k);
            for (KeyTemplate t : templates) {
                List<String> parts = new ArrayList<>();
                boolean removes = false;
                for (FieldMetadata f : t.fields()) {
                    UpdateRecorder.Kind kind = touched.get(f.name());
                    if (kind == null) {
                        continue;
                    }
                    parts.add(f.name());
                    if (k.isPartitionKey() || k.isSortKey()) {
                        throw invalid(
                                model,
                                "cannot update field '%s' of model %s: it is part of the key template '%s' of key"
                                        + " attribute '%s', and the key identifies the item (delete it and create"
                                        + " a new one instead)",
                                f.name(),
                                model.type().getName(),
                                t.text(),
                                k.attributeName());
                    }
                    if (kind == UpdateRecorder.Kind.REMOVE) {
                        removes = true;
                    } else if (kind != UpdateRecorder.Kind.SET) {
                        throw invalid(
                                model,
                                "cannot %s field '%s' of model %s: it is part of the template '%s' of index key"
                                        + " '%s', which must be recomputed from its new value; use set(\"%s\","
                                        + " value)",
                                kind.name().toLowerCase(Locale.ROOT),
                                f.name(),
                                model.type().getName(),
                                t.text(),
                                k.attributeName(),
                                f.name());
                    }
                }
                if (parts.isEmpty()) {
                    continue;
                }
                if (templates.size() > 1) {
                    throw invalid(
                            model,
                            "cannot update field '%s' of entity family %s through the family's table: index key"
                                    + " '%s' has a template per member type; update it through the member's"
                                    + " table (db.table(Member.class))",
                            parts.get(0),
                            model.type().getName(),
                            k.attributeName());
                }
                clauses.claim(List.of(k.attributeName()), k.attributeName());
                String name = expr.name(k.attributeName());
                if (removes) {
                    clauses.remove.add(name);
                    continue;
                }
                if (known == null) {
                    known = new HashMap<>(KeyTemplates.fieldsOfKey(model, key));
                    if (attributes != null) {
                        known.putAll(attributes);
                    }
                }
                Map<FieldMetadata, Object> values = new HashMap<>();
                Set<String> missing = new LinkedHashSet<>();
                for (FieldMetadata f : t.fields()) {
                    String placeholder = writes.assigned().get(f.attributeName());
                    AttributeValue v =
                            placeholder != null
                                    ? expr.values().get(placeholder)
                                    : known.get(f.attributeName());
                    if (v == null) {
                        missing.add(f.name());
                    } else {
                        values.put(f, f.fromAttributeValue(v, Operation.UPDATE));
                    }
                }
                if (!missing.isEmpty()) {
                    throw invalid(
                            model,
                            "update of field '%s' of model %s: it is part of the template '%s' of index key"
                                    + " '%s', whose field(s) %s this update neither sets nor finds in the item's"
                                    + " key: set them too, or update from the item (update(item, fields) or"
                                    + " put), which recomputes the key",
                            parts.get(0),
                            model.type().getName(),
                            t.text(),
                            k.attributeName(),
                            missing);
                }
                String rendered = t.render(values, t.fields().size(), Operation.UPDATE);
                clauses.assign(k.attributeName(), name, expr.value(AttributeValue.fromS(rendered)));
            }
        }
    }

    private static InvalidRequestException invalid(
            ModelMetadata<?> model, String format, Object... args) {
        return new InvalidRequestException(
                String.format(Locale.ROOT, format, args), Operation.UPDATE, model.type(), null);
    }
}
