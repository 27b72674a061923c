package dev.dynamorm.engine.internal.query;

import dev.dynamorm.engine.internal.expr.AttributePath;
import dev.dynamorm.engine.internal.expr.Expression;
import dev.dynamorm.engine.internal.expr.Placeholders;
import dev.dynamorm.engine.internal.expr.Slot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Placeholders of one plan: names de-duplicated, values in slot order. The plan's expressions (key
 * condition, filter, projection) are rendered one after the other, each closed with {@link
 * #finish}, which records the placeholders and attributes that expression used, so that a request
 * without the projection does not send its names and nobody needs to read the texts again.
 */
final class PlanPlaceholders implements Placeholders {
    private final Map<String, String> byName = new HashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final List<Slot> slots = new ArrayList<>();

    // what the expression being rendered uses, since the last finish()
    private final Map<String, String> usedNames = new LinkedHashMap<>();
    private final Map<String, Slot> usedSlots = new LinkedHashMap<>();
    private final Set<String> reads = new LinkedHashSet<>();

    @Override
    public String name(String attributeName) {
        String placeholder =
                byName.computeIfAbsent(
                        attributeName,
                        a -> {
                            String p = "#n" + names.size();
                            names.put(p, a);
                            return p;
                        });
        usedNames.put(placeholder, attributeName);
        return placeholder;
    }

    /** The placeholder of a top-level attribute the expression reads whole. */
    String attribute(String attributeName) {
        reads.add(attributeName);
        return name(attributeName);
    }

    @Override
    public String path(AttributePath path) {
        reads.add(path.segments().get(0));
        return path.render(this);
    }

    @Override
    public String value(Slot slot, Object value) {
        slots.add(slot);
        String placeholder = ":v" + (slots.size() - 1);
        usedSlots.put(placeholder, slot);
        return placeholder;
    }

    /**
     * Closes the expression rendered since the previous call.
     *
     * @param text its text, or null when the plan has no such expression
     * @return the expression, or null for null text
     */
    Expression finish(String text) {
        Expression out =
                text == null
                        ? null
                        : new Expression(text, usedNames, Map.of(), usedSlots, reads, null);
        usedNames.clear();
        usedSlots.clear();
        reads.clear();
        return out;
    }

    /** Every name placeholder of the plan, in order. */
    Map<String, String> names() {
        return names;
    }

    /** Every value slot of the plan, in placeholder order. */
    List<Slot> slots() {
        return slots;
    }
}
