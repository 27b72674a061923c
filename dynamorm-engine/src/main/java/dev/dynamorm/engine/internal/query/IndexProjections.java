package dev.dynamorm.engine.internal.query;

import dev.dynamorm.annotations.ProjectionType;
import dev.dynamorm.engine.internal.expr.AttributePath;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.IndexMetadata;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a query reads and what each index holds: the attributes needed, an index's projected
 * attributes, and the key a cursor carries on a path.
 */
final class IndexProjections {

    private final ModelMetadata<?> model;

    IndexProjections(ModelMetadata<?> model) {
        this.model = model;
    }

    /**
     * Attribute names the query reads: the selection (or every field) and the filter attributes.
     */
    Set<String> needed(List<AttributePath> selected, List<TermInfo> filters) {
        Set<String> needed = new LinkedHashSet<>();
        if (selected.isEmpty()) {
            for (FieldMetadata f : model.fields()) {
                needed.add(f.attributeName());
            }
        } else {
            for (AttributePath p : selected) {
                needed.add(p.segments().get(0));
            }
        }
        for (TermInfo t : filters) {
            needed.addAll(t.attributes());
        }
        return needed;
    }

    /** Attribute names an index holds, or null when it holds every attribute. */
    Set<String> projected(IndexMetadata index) {
        if (index.projection() == ProjectionType.ALL) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>(cursorKey(index));
        if (index.projection() == ProjectionType.INCLUDE) {
            out.addAll(index.includedAttributes());
        }
        return out;
    }

    String describeProjection(IndexMetadata index) {
        Set<String> attrs = projected(index);
        return index.projection()
                + " "
                + fieldNames(attrs == null ? List.of() : new ArrayList<>(attrs));
    }

    List<String> fieldNames(List<String> attributes) {
        List<String> out = new ArrayList<>();
        for (String a : attributes) {
            FieldMetadata f = model.fieldByAttribute(a);
            out.add(f == null ? a : f.name());
        }
        return out;
    }

    /** The key attributes a cursor carries on a path: the table's key, then the index's. */
    List<String> cursorKey(IndexMetadata index) {
        List<String> out = new ArrayList<>();
        out.add(model.partitionKey().attributeName());
        model.sortKey().ifPresent(s -> out.add(s.attributeName()));
        if (index != null) {
            List<FieldMetadata> keys = new ArrayList<>(index.partitionKeys());
            keys.addAll(index.sortKeys());
            for (FieldMetadata k : keys) {
                if (!out.contains(k.attributeName())) {
                    out.add(k.attributeName());
                }
            }
        }
        return out;
    }
}
