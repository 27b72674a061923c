package dev.dynamorm.engine.internal.query;

import dev.dynamorm.Condition;
import dev.dynamorm.Operation;
import dev.dynamorm.Operator;
import dev.dynamorm.Query;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.IndexMetadata;
import dev.dynamorm.engine.internal.model.KeyTemplate;
import dev.dynamorm.engine.internal.model.KeyTemplates;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds key templates in a query: {@code where(field, "=", value)} on every field of a partition
 * key template becomes an equality on the computed key attribute, and equalities on the leading
 * fields of the matching sort key template become an equality (all fields) or {@code begins_with}
 * on the parts they fix (the prefix ends with a separator, so {@code c1} never matches {@code
 * c10}). The table's key is tried first, then each index in declaration order (only the named one
 * when the query names an index). Equalities the keys absorb are dropped; any other condition on a
 * template field stays a filter on the field's own attribute.
 */
public final class TemplateBinding {

    private TemplateBinding() {}

    /**
     * The spec with template fields bound to key conditions; the spec itself when nothing binds.
     *
     * @param model the queried model
     * @param spec the query
     * @return the bound spec
     */
    public static QuerySpec bind(ModelMetadata<?> model, QuerySpec spec) {
        if (spec.terms().isEmpty()
                || (KeyTemplates.templatesOf(model.partitionKey()).isEmpty()
                        && !anyTemplatedIndex(model))) {
            return spec;
        }
        Map<String, Object> equal = new HashMap<>();
        for (Term t : spec.terms()) {
            if (!t.filterOnly()
                    && t.condition() instanceof Condition.Comparison c
                    && c.operator() == Operator.EQ
                    && c.values().size() == 1
                    && c.values().get(0) != null) {
                equal.putIfAbsent(c.field(), c.values().get(0));
            }
        }
        if (equal.isEmpty()) {
            return spec;
        }
        List<KeySlot> slots = new ArrayList<>();
        String chosen = spec.index();
        if (chosen == null || Query.TABLE.equals(chosen)) {
            slots.add(new KeySlot(model.partitionKey(), model.sortKey()));
        }
        if (!Query.TABLE.equals(chosen)) {
            for (IndexMetadata i : model.indexes()) {
                if (chosen == null || chosen.equals(i.name())) {
                    slots.add(new KeySlot(i.partitionKey(), i.sortKey()));
                }
            }
        }
        for (KeySlot slot : slots) {
            QuerySpec bound = bind(slot, spec, equal);
            if (bound != null) {
                return bound;
            }
        }
        return spec;
    }

    private record KeySlot(FieldMetadata partition, Optional<FieldMetadata> sort) {}

    private static boolean anyTemplatedIndex(ModelMetadata<?> model) {
        for (IndexMetadata i : model.indexes()) {
            if (!KeyTemplates.templatesOf(i.partitionKey()).isEmpty()
                    || i.sortKey().map(s -> !KeyTemplates.templatesOf(s).isEmpty()).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private static QuerySpec bind(KeySlot slot, QuerySpec spec, Map<String, Object> equal) {
        List<KeyTemplate> partitionTemplates = KeyTemplates.templatesOf(slot.partition());
        if (partitionTemplates.isEmpty()) {
            return null;
        }
        // templates of other members that the given fields cannot render are skipped: their items
        // cannot hold this key value. The equalities are then kept as filters, so the results are
        // exactly the items with those field values.
        Set<String> used = new HashSet<>();
        String partitionValue = null;
        boolean everyTemplate = true;
        for (KeyTemplate t : partitionTemplates) {
            Map<FieldMetadata, Object> values = new HashMap<>();
            for (FieldMetadata f : t.fields()) {
                Object v = equal.get(f.name());
                if (v != null) {
                    values.put(f, v);
                }
            }
            if (values.size() < t.fields().size()) {
                everyTemplate = false;
                continue;
            }
            String rendered = t.render(values, t.fields().size(), Operation.QUERY);
            if (rendered == null || (partitionValue != null && !partitionValue.equals(rendered))) {
                return null; // members disagree on the partition: leave the query as given
            }
            partitionValue = rendered;
            for (FieldMetadata f : t.fields()) {
                used.add(f.name());
            }
        }
        if (partitionValue == null) {
            return null;
        }
        if (!everyTemplate) {
            used.clear();
        }
        Condition sortCondition = null;
        FieldMetadata sortField = slot.sort().orElse(null);
        if (sortField != null && !mentions(spec, sortField.name())) {
            Set<String> texts = new LinkedHashSet<>();
            List<KeyTemplate> sortTemplates = KeyTemplates.templatesOf(sortField);
            for (KeyTemplate t : sortTemplates) {
                texts.add(t.text());
            }
            if (texts.size() == 1) {
                KeyTemplate t = sortTemplates.get(0);
                Map<FieldMetadata, Object> values = new HashMap<>();
                int bound = 0;
                for (FieldMetadata f : t.fields()) {
                    Object v = equal.get(f.name());
                    if (v == null) {
                        break;
                    }
                    values.put(f, v);
                    bound++;
                }
                String rendered = t.render(values, bound, Operation.QUERY);
                if (rendered != null && bound == t.fields().size()) {
                    sortCondition = Condition.when(sortField.name(), Operator.EQ, rendered);
                } else if (rendered != null && !rendered.isEmpty()) {
                    sortCondition =
                            Condition.when(sortField.name(), Operator.BEGINS_WITH, rendered);
                }
                if (sortCondition != null && everyTemplate) {
                    for (int i = 0; i < bound; i++) {
                        used.add(t.fields().get(i).name());
                    }
                }
            }
        }
        QuerySpec out = spec.withoutTerms();
        out =
                out.withTerm(
                        Condition.when(slot.partition().name(), Operator.EQ, partitionValue),
                        false);
        if (sortCondition != null) {
            out = out.withTerm(sortCondition, false);
        }
        for (Term t : spec.terms()) {
            if (!t.filterOnly()
                    && t.condition() instanceof Condition.Comparison c
                    && c.operator() == Operator.EQ
                    && used.contains(c.field())) {
                continue;
            }
            out = out.withTerm(t.condition(), t.filterOnly());
        }
        return out;
    }

    private static boolean mentions(QuerySpec spec, String field) {
        for (Term t : spec.terms()) {
            if (t.condition() instanceof Condition.Comparison c && c.field().equals(field)) {
                return true;
            }
        }
        return false;
    }
}
