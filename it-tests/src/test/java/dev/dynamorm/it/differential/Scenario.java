package dev.dynamorm.it.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One differential scenario: fixture tables to create, then steps whose outcomes are compared.
 *
 * <p>File format ({@code differential/*.json}): {@code {"scenarios": [...]}}, each scenario {@code
 * {"name", "tables": [alias...], "known": "D12"?, "cases": [{var: value}...]?, "steps":
 * [step...]}}, each step an object with one operation name as key and the wire-JSON request as
 * value, plus optional modifiers {@code "$paginate": true} (follow LastEvaluatedKey and compare all
 * pages), {@code "$compare": "type"} (compare only success / error type), {@code "$expect":
 * "ValidationException"|"ok"} (what AWS documents; checked on dynamorm-local). Strings may hold
 * {@code ${alias}} (the fixture table's name), {@code ${var}} (a case variable; a string that is
 * exactly {@code ${var}} becomes the variable's JSON value) and {@code ${repeat:N:text}}; an array
 * element {@code {"$repeat": N, "item": template}} expands to N copies with {@code ${i}} = 0..N-1.
 */
record Scenario(String file, String name, List<String> tables, String known, List<Step> steps) {

    record Step(
            String operation,
            Map<String, Object> request,
            boolean paginate,
            String compare,
            String expect) {}

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    static List<Scenario> loadAll() {
        List<Scenario> all = new ArrayList<>();
        for (Path file : files()) {
            all.addAll(load(file));
        }
        return all;
    }

    static Path directory() {
        URL url = Scenario.class.getClassLoader().getResource("differential");
        if (url == null) {
            throw new IllegalStateException("no differential/ folder on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> files() {
        try (Stream<Path> s = Files.list(directory())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().equals("tables.json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> readObject(Path file) {
        try {
            return (Map<String, Object>)
                    JsonTree.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Scenario> load(Path file) {
        String fileName = file.getFileName().toString().replace(".json", "");
        List<Scenario> out = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Object o : (List<Object>) readObject(file).get("scenarios")) {
            Map<String, Object> s = (Map<String, Object>) o;
            List<Object> cases = (List<Object>) s.get("cases");
            List<Scenario> built = new ArrayList<>();
            if (cases == null) {
                built.add(build(fileName, s, Map.of()));
            } else {
                for (Object c : cases) {
                    built.add(build(fileName, s, (Map<String, Object>) c));
                }
            }
            for (Scenario b : built) {
                // two cases may print the same name: number the later ones so each test is named
                // uniquely
                String unique = b.name();
                for (int n = 2; !names.add(unique); n++) {
                    unique = b.name() + " (" + n + ")";
                }
                out.add(new Scenario(b.file(), unique, b.tables(), b.known(), b.steps()));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Scenario build(String file, Map<String, Object> s, Map<String, Object> vars) {
        String name = (String) expand(s.get("name"), vars);
        List<String> tables = s.get("tables") == null ? List.of() : (List<String>) s.get("tables");
        String known = (String) expand(s.get("known"), vars);
        if (vars.get("known") instanceof String k) {
            known = k;
        }
        List<Step> steps = new ArrayList<>();
        for (Object o : (List<Object>) s.get("steps")) {
            Map<String, Object> raw = (Map<String, Object>) expand(o, vars);
            String op = null;
            Map<String, Object> request = null;
            for (Map.Entry<String, Object> e : raw.entrySet()) {
                if (!e.getKey().startsWith("$")) {
                    if (op != null) {
                        throw new IllegalStateException(
                                file + " / " + name + ": a step names two operations");
                    }
                    op = e.getKey();
                    request = (Map<String, Object>) e.getValue();
                }
            }
            if (op == null) {
                throw new IllegalStateException(
                        file + " / " + name + ": a step names no operation");
            }
            steps.add(
                    new Step(
                            op,
                            request,
                            Boolean.TRUE.equals(raw.get("$paginate")),
                            (String) raw.getOrDefault("$compare", "full"),
                            (String) raw.get("$expect")));
        }
        return new Scenario(file, name, tables, known, steps);
    }

    /** Replaces case variables and list macros; table placeholders are left for {@link #bind}. */
    @SuppressWarnings("unchecked")
    static Object expand(Object tree, Map<String, Object> vars) {
        if (tree instanceof String str) {
            Matcher whole = PLACEHOLDER.matcher(str);
            if (whole.matches() && vars.containsKey(whole.group(1))) {
                Map<String, Object> inner = new LinkedHashMap<>(vars);
                inner.remove(whole.group(1));
                return expand(vars.get(whole.group(1)), inner);
            }
            return substitute(
                    str,
                    name -> {
                        if (vars.containsKey(name)) {
                            Object v = vars.get(name);
                            return v instanceof BigDecimal d
                                    ? d.toPlainString()
                                    : String.valueOf(v);
                        }
                        if (name.startsWith("repeat:")) {
                            String[] parts = name.split(":", 3);
                            return parts[2].repeat(Integer.parseInt(parts[1]));
                        }
                        return null;
                    });
        }
        if (tree instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                out.put((String) expand(e.getKey(), vars), expand(e.getValue(), vars));
            }
            return out;
        }
        if (tree instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                if (o instanceof Map<?, ?> m && m.containsKey("$repeat")) {
                    int n = ((BigDecimal) m.get("$repeat")).intValue();
                    for (int i = 0; i < n; i++) {
                        Map<String, Object> v = new LinkedHashMap<>(vars);
                        v.put("i", BigDecimal.valueOf(i));
                        out.add(expand(m.get("item"), v));
                    }
                } else {
                    out.add(expand(o, vars));
                }
            }
            return out;
        }
        return tree;
    }

    /** Replaces {@code ${alias}} and {@code ${arn:alias}} with the side's table names and ARNs. */
    @SuppressWarnings("unchecked")
    static Object bind(Object tree, Map<String, String> names) {
        if (tree instanceof String str) {
            return substitute(str, names::get);
        }
        if (tree instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                out.put((String) bind(e.getKey(), names), bind(e.getValue(), names));
            }
            return out;
        }
        if (tree instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(bind(o, names));
            }
            return out;
        }
        return tree;
    }

    private static String substitute(String s, java.util.function.Function<String, String> lookup) {
        if (!s.contains("${")) {
            return s;
        }
        Matcher m = PLACEHOLDER.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = lookup.apply(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(out);
        return out.toString();
    }

    String id() {
        return file + " / " + name;
    }
}
