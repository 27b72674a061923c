package dev.dynamorm.engine.internal.query;

import dev.dynamorm.engine.internal.expr.AttributePath;
import dev.dynamorm.engine.internal.expr.Placeholders;
import dev.dynamorm.engine.internal.expr.Slot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Placeholders of one plan: names de-duplicated, values in slot order; records which names only the
 * projection uses, so that a request without the projection does not send them.
 */
final class PlanPlaceholders implements Placeholders {
    private final Map<String, String> byName = new HashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Set<String> inConditions = new HashSet<>();
    private final Set<String> inProjection = new HashSet<>();
    private final List<Slot> slots = new ArrayList<>();

    /** True while the projection is rendered. */
    boolean projecting;

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
        (projecting ? inProjection : inConditions).add(placeholder);
        return placeholder;
    }

    @Override
    public String value(Slot slot, Object value) {
        slots.add(slot);
        return ":v" + (slots.size() - 1);
    }

    String path(AttributePath path) {
        return path.render(this);
    }

    Map<String, String> names() {
        return names;
    }

    List<Slot> slots() {
        return slots;
    }

    /** The name placeholders the key condition and the filter use. */
    Set<String> inConditions() {
        return inConditions;
    }

    /** The name placeholders the projection uses. */
    Set<String> inProjection() {
        return inProjection;
    }
}
