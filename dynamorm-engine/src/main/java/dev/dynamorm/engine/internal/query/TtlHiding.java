package dev.dynamorm.engine.internal.query;

import dev.dynamorm.annotations.ProjectionType;
import dev.dynamorm.engine.internal.model.IndexMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Hides expired items from reads: asks for the {@code @Ttl} attribute with the items (adding it to
 * a projection when needed), drops the items the table reports hidden, and strips the attribute
 * again when only the reader asked for it.
 *
 * @param <T> the model type
 */
final class TtlHiding<T> {

    /** The name placeholder of the {@code @Ttl} attribute, read to hide expired items. */
    static final String TTL_NAME = "#ttl";

    private final TableAccess<T> access;

    /** The {@code @Ttl} attribute when expired items are hidden from results, else null. */
    private final String ttlAttribute;

    TtlHiding(TableAccess<T> access) {
        this.access = access;
        this.ttlAttribute = access.hiddenByTtlAttribute();
    }

    /** The {@code @Ttl} attribute when expired items are hidden from results, else null. */
    String attribute() {
        return ttlAttribute;
    }

    /**
     * The {@code @Ttl} attribute to read with the items of a plan so expired ones can be hidden, or
     * null: hiding is off, or the plan reads a global index that does not project it (its items
     * cannot be told apart and are kept).
     */
    String ttlToRead(CompiledPlan plan) {
        if (ttlAttribute == null) {
            return null;
        }
        IndexMetadata index = plan.index();
        if (index != null
                && index.global()
                && index.projection() != ProjectionType.ALL
                && !index.includedAttributes().contains(ttlAttribute)) {
            return null;
        }
        return ttlAttribute;
    }

    /** A projection that also reads the TTL attribute (null, for whole items, stays null). */
    static String withTtl(CompiledPlan plan, String projection, String ttl) {
        if (projection == null || ttl == null) {
            return projection;
        }
        return plan.projected().contains(ttl) ? projection : projection + ", " + TTL_NAME;
    }

    static Map<String, String> withTtlName(
            Map<String, String> names, String projection, String ttl) {
        if (projection == null
                || !(projection.equals(TTL_NAME) || projection.endsWith(", " + TTL_NAME))) {
            return names;
        }
        Map<String, String> out =
                names == null ? new LinkedHashMap<>() : new LinkedHashMap<>(names);
        out.put(TTL_NAME, ttl);
        return out;
    }

    /**
     * The items reads do not hide, without the TTL attribute when only this runner asked for it.
     */
    List<Map<String, AttributeValue>> visible(
            List<Map<String, AttributeValue>> items, String ttl, boolean strip) {
        if (ttl == null) {
            return items;
        }
        List<Map<String, AttributeValue>> out = new ArrayList<>(items.size());
        for (Map<String, AttributeValue> item : items) {
            if (access.hidden(item)) {
                continue;
            }
            if (strip) {
                Map<String, AttributeValue> copy = new LinkedHashMap<>(item);
                copy.remove(ttl);
                item = copy;
            }
            out.add(item);
        }
        return out;
    }
}
