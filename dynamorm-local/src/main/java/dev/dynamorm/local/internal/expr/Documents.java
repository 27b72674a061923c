package dev.dynamorm.local.internal.expr;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads, writes and projects resolved document paths on immutable items. */
public final class Documents {
    private Documents() {}

    public static Value get(Map<String, Value> item, List<Object> path) {
        if (!(path.get(0) instanceof String first)) {
            return null;
        }
        Value cur = item.get(first);
        for (int i = 1; i < path.size() && cur != null; i++) {
            Object step = path.get(i);
            if (step instanceof String key) {
                cur = cur instanceof Value.M m ? m.v().get(key) : null;
            } else {
                int idx = (Integer) step;
                cur = cur instanceof Value.L l && idx < l.v().size() ? l.v().get(idx) : null;
            }
        }
        return cur;
    }

    private static DynamoException invalidPath() {
        return DynamoException.validation(
                "The document path provided in the update expression is invalid for update");
    }

    public static Map<String, Value> set(Map<String, Value> item, List<Object> path, Value v) {
        Map<String, Value> out = new LinkedHashMap<>(item);
        String first = (String) path.get(0);
        if (path.size() == 1) {
            out.put(first, v);
        } else {
            Value child = item.get(first);
            if (child == null) {
                throw invalidPath();
            }
            out.put(first, setIn(child, path, 1, v));
        }
        return out;
    }

    private static Value setIn(Value container, List<Object> path, int i, Value v) {
        Object step = path.get(i);
        boolean last = i == path.size() - 1;
        if (step instanceof String key) {
            if (!(container instanceof Value.M m)) {
                throw invalidPath();
            }
            Map<String, Value> copy = new LinkedHashMap<>(m.v());
            if (last) {
                copy.put(key, v);
            } else {
                Value child = m.v().get(key);
                if (child == null) {
                    throw invalidPath();
                }
                copy.put(key, setIn(child, path, i + 1, v));
            }
            return new Value.M(copy);
        }
        int idx = (Integer) step;
        if (!(container instanceof Value.L l)) {
            throw invalidPath();
        }
        List<Value> copy = new ArrayList<>(l.v());
        if (last) {
            if (idx >= copy.size()) {
                copy.add(v);
            } else {
                copy.set(idx, v);
            }
        } else {
            if (idx >= copy.size()) {
                throw invalidPath();
            }
            copy.set(idx, setIn(copy.get(idx), path, i + 1, v));
        }
        return new Value.L(copy);
    }

    public static Map<String, Value> remove(Map<String, Value> item, List<Object> path) {
        String first = (String) path.get(0);
        if (path.size() == 1) {
            if (!item.containsKey(first)) {
                return item;
            }
            Map<String, Value> out = new LinkedHashMap<>(item);
            out.remove(first);
            return out;
        }
        Value child = item.get(first);
        if (child == null) {
            return item;
        }
        Value updated = removeIn(child, path, 1);
        if (updated == child) {
            return item;
        }
        Map<String, Value> out = new LinkedHashMap<>(item);
        out.put(first, updated);
        return out;
    }

    private static Value removeIn(Value container, List<Object> path, int i) {
        Object step = path.get(i);
        boolean last = i == path.size() - 1;
        if (step instanceof String key) {
            if (!(container instanceof Value.M m) || !m.v().containsKey(key)) {
                if (!(container instanceof Value.M)) {
                    throw invalidPath();
                }
                return container;
            }
            Map<String, Value> copy = new LinkedHashMap<>(m.v());
            if (last) {
                copy.remove(key);
            } else {
                Value updated = removeIn(m.v().get(key), path, i + 1);
                if (updated == m.v().get(key)) {
                    return container;
                }
                copy.put(key, updated);
            }
            return new Value.M(copy);
        }
        int idx = (Integer) step;
        if (!(container instanceof Value.L l)) {
            throw invalidPath();
        }
        if (idx >= l.v().size()) {
            return container;
        }
        List<Value> copy = new ArrayList<>(l.v());
        if (last) {
            copy.remove(idx);
        } else {
            Value updated = removeIn(copy.get(idx), path, i + 1);
            if (updated == copy.get(idx)) {
                return container;
            }
            copy.set(idx, updated);
        }
        return new Value.L(copy);
    }

    /** Keeps only the given paths of an item, as ProjectionExpression does. */
    public static Map<String, Value> project(Map<String, Value> item, List<List<Object>> paths) {
        Map<String, List<List<Object>>> byTop = new LinkedHashMap<>();
        for (List<Object> p : paths) {
            if (p.get(0) instanceof String s) {
                byTop.computeIfAbsent(s, k -> new ArrayList<>()).add(p.subList(1, p.size()));
            }
        }
        Map<String, Value> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<List<Object>>> e : byTop.entrySet()) {
            Value v = item.get(e.getKey());
            if (v != null) {
                Value projected = projectValue(v, e.getValue());
                if (projected != null) {
                    out.put(e.getKey(), projected);
                }
            }
        }
        return out;
    }

    private static Value projectValue(Value v, List<List<Object>> subpaths) {
        for (List<Object> p : subpaths) {
            if (p.isEmpty()) {
                return v;
            }
        }
        if (v instanceof Value.M m) {
            Map<String, List<List<Object>>> groups = new LinkedHashMap<>();
            for (List<Object> p : subpaths) {
                if (p.get(0) instanceof String s) {
                    groups.computeIfAbsent(s, k -> new ArrayList<>()).add(p.subList(1, p.size()));
                }
            }
            Map<String, Value> out = new LinkedHashMap<>();
            for (Map.Entry<String, List<List<Object>>> g : groups.entrySet()) {
                Value child = m.v().get(g.getKey());
                Value projected = child == null ? null : projectValue(child, g.getValue());
                if (projected != null) {
                    out.put(g.getKey(), projected);
                }
            }
            return out.isEmpty() ? null : new Value.M(out);
        }
        if (v instanceof Value.L l) {
            TreeMap<Integer, List<List<Object>>> groups = new TreeMap<>();
            for (List<Object> p : subpaths) {
                if (p.get(0) instanceof Integer idx) {
                    groups.computeIfAbsent(idx, k -> new ArrayList<>()).add(p.subList(1, p.size()));
                }
            }
            List<Value> out = new ArrayList<>();
            for (Map.Entry<Integer, List<List<Object>>> g : groups.entrySet()) {
                if (g.getKey() < l.v().size()) {
                    Value projected = projectValue(l.v().get(g.getKey()), g.getValue());
                    if (projected != null) {
                        out.add(projected);
                    }
                }
            }
            return out.isEmpty() ? null : new Value.L(out);
        }
        return null;
    }
}
