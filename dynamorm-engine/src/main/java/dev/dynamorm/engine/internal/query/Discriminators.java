package dev.dynamorm.engine.internal.query;

import dev.dynamorm.engine.internal.model.ModelMetadata;
import dev.dynamorm.engine.internal.model.TypeTag;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What entity families add to a read request at the edge: a projection also reads the discriminator
 * (items are built by the type it names), and a member's queries and scans filter on its
 * discriminator value. The placeholders {@code #dt}/{@code :dt} never clash with a plan's {@code
 * #nK}/{@code :vK}.
 */
final class Discriminators {

    static final String NAME = "#dt";
    static final String VALUE = ":dt";

    private final String attribute;
    private final TypeTag tag;

    private Discriminators(String attribute, TypeTag tag) {
        this.attribute = attribute;
        this.tag = tag;
    }

    /** The additions for a model, or null when it is not part of an entity family. */
    static Discriminators of(ModelMetadata<?> model) {
        String attribute = model.discriminatorAttribute().orElse(null);
        return attribute == null
                ? null
                : new Discriminators(attribute, model.typeTag().orElse(null));
    }

    /**
     * A projection that also reads the discriminator (null, for whole items, stays null).
     *
     * @param projection the plan's projection text, or null
     * @param projected the top-level attributes it reads
     */
    String projection(String projection, Set<String> projected) {
        if (projection == null || projected.contains(attribute)) {
            return projection;
        }
        return projection + ", " + NAME;
    }

    /** The filter, with the member's discriminator condition when this is a member's read. */
    String filter(String filter) {
        if (tag == null) {
            return filter;
        }
        String own = NAME + " = " + VALUE;
        return filter == null ? own : "(" + filter + ") AND " + own;
    }

    /** The names, with the discriminator's when one of the texts uses it. */
    Map<String, String> names(Map<String, String> names, String... texts) {
        for (String t : texts) {
            if (t != null && t.contains(NAME)) {
                Map<String, String> out =
                        names == null ? new LinkedHashMap<>() : new LinkedHashMap<>(names);
                out.put(NAME, attribute);
                return out;
            }
        }
        return names;
    }

    /** The values, with the member's discriminator value when the filter uses it. */
    Map<String, AttributeValue> values(Map<String, AttributeValue> values, String filter) {
        if (tag == null || filter == null || !filter.contains(VALUE)) {
            return values;
        }
        Map<String, AttributeValue> out =
                values == null ? new LinkedHashMap<>() : new LinkedHashMap<>(values);
        out.put(VALUE, AttributeValue.fromS(tag.value()));
        return out;
    }
}
