package dev.dynamorm.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Key templates declared on a model type ({@code PartitionKey}, {@code SortKey}, {@code IndexKey}
 * annotations with a {@code template}): read from annotation mirrors, checked at compile time with
 * the engine's rules, and written into the generated schema's {@code keyTemplates()}.
 */
final class Templates {

    private Templates() {}

    /** One declared template, by constant names; {@code index} empty for the table key. */
    record Template(
            String index,
            String role,
            String attribute,
            String template,
            String type,
            String projection,
            List<String> include,
            String annotation,
            int order) {}

    /** The templates declared on the type, in declaration order. */
    static List<Template> read(TypeElement type) {
        List<Template> out = new ArrayList<>();
        for (AnnotationMirror a : type.getAnnotationMirrors()) {
            String name =
                    ((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().toString();
            switch (name) {
                case Analyzer.PKG + "PartitionKey" ->
                        out.add(table(a, "PARTITION", "@PartitionKey"));
                case Analyzer.PKG + "SortKey" -> out.add(table(a, "SORT", "@SortKey"));
                case Analyzer.PKG + "IndexKey" -> out.add(index(a));
                case Analyzer.PKG + "IndexKeys" -> {
                    Object v = explicit(a).get("value");
                    if (v instanceof List<?> list) {
                        for (Object o : list) {
                            out.add(index((AnnotationMirror) ((AnnotationValue) o).getValue()));
                        }
                    }
                }
                default -> {}
            }
        }
        return out;
    }

    static boolean declaresPartitionKey(TypeElement type) {
        for (Template t : read(type)) {
            if (t.index().isEmpty() && t.role().equals("PARTITION")) {
                return true;
            }
        }
        return false;
    }

    private static Template table(AnnotationMirror a, String role, String annotation) {
        Map<String, Object> v = explicit(a);
        return new Template(
                "",
                role,
                (String) v.getOrDefault("attribute", ""),
                (String) v.getOrDefault("template", ""),
                "GLOBAL",
                "ALL",
                List.of(),
                annotation,
                0);
    }

    private static Template index(AnnotationMirror a) {
        Map<String, Object> v = explicit(a);
        List<String> include = new ArrayList<>();
        if (v.get("include") instanceof List<?> list) {
            for (Object o : list) {
                include.add((String) ((AnnotationValue) o).getValue());
            }
        }
        String index = (String) v.getOrDefault("index", "");
        return new Template(
                index,
                v.getOrDefault("role", "PARTITION").toString(),
                (String) v.getOrDefault("attribute", ""),
                (String) v.getOrDefault("template", ""),
                v.getOrDefault("type", "GLOBAL").toString(),
                v.getOrDefault("projection", "ALL").toString(),
                include,
                "@IndexKey(index = \"" + index + "\")",
                ((Number) v.getOrDefault("order", 0)).intValue());
    }

    private static Map<String, Object> explicit(AnnotationMirror a) {
        Map<String, Object> out = new java.util.HashMap<>();
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
                a.getElementValues().entrySet()) {
            out.put(e.getKey().getSimpleName().toString(), e.getValue().getValue());
        }
        return out;
    }

    /** Checks the templates of a model against its properties, reporting each problem. */
    static void validate(Model model, Analyzer.Errors errors) {
        TypeElement type = model.type();
        String name = type.getQualifiedName().toString();
        for (Model.Property p : model.properties()) {
            for (AnnotationMirror a : p.element().getAnnotationMirrors()) {
                String simple = a.getAnnotationType().asElement().getSimpleName().toString();
                if ((simple.equals("PartitionKey")
                                || simple.equals("SortKey")
                                || simple.equals("IndexKey"))
                        && !((String) explicit(a).getOrDefault("template", "")).isEmpty()) {
                    errors.fail(
                            p.element(),
                            "model %s: @%s on '%s' has a template, but a template computes the key from "
                                    + "other fields: put the annotation on the type instead",
                            name,
                            simple,
                            p.name());
                }
            }
        }
        List<Template> templates = read(type);
        if (templates.isEmpty()) {
            return;
        }
        if (model.table() == null) {
            errors.fail(type, "model %s: key templates need a table: add @DynamoTable", name);
            return;
        }
        Set<String> fieldIndexes = new HashSet<>();
        boolean fieldSortKey = false;
        for (Model.Property p : model.properties()) {
            for (Model.IndexKey k : p.indexKeys()) {
                fieldIndexes.add(k.index());
            }
            fieldSortKey |= p.has("SortKey");
        }
        for (Template t : templates) {
            if (t.template().isEmpty()) {
                errors.fail(
                        type,
                        "model %s: %s on the type has no template: give template = \"...\" or move the "
                                + "annotation to the field that holds the key",
                        name,
                        t.annotation());
                continue;
            }
            if (t.order() != 0) {
                // the engine's KeyTemplates refuses the same declaration with the same words
                errors.fail(
                        type,
                        "model %s: %s on the type has order = %d, but a key template and a "
                                + "multi-attribute key do not combine: a template computes one attribute "
                                + "from several fields, while a multi-attribute key stores each of its "
                                + "fields in its own attribute, which DynamoDB compares one by one. Either "
                                + "drop order and keep one template per key role, or drop the template and "
                                + "put @IndexKey(index = \"%s\", order = n) on each field of the key",
                        name,
                        t.annotation(),
                        t.order(),
                        t.index());
            }
            if (t.index().isEmpty() && t.role().equals("SORT") && fieldSortKey) {
                errors.fail(
                        type,
                        "model %s: @SortKey is declared both on the type and on a field: keep one",
                        name);
            }
            if (!t.index().isEmpty() && fieldIndexes.contains(t.index())) {
                errors.fail(
                        type,
                        "model %s: index '%s' is declared both on the type (a template) and on fields: "
                                + "declare each index in one place",
                        name,
                        t.index());
            }
            String problem = check(t.template(), model);
            if (problem != null) {
                errors.fail(
                        type,
                        "model %s: %s template '%s' %s",
                        name,
                        t.annotation(),
                        t.template(),
                        problem);
            }
        }
    }

    /** What is wrong with a template, or null (the engine's {@code KeyTemplate} rules). */
    private static String check(String template, Model model) {
        Set<String> seen = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (Model.Property p : model.properties()) {
            names.add(p.name());
        }
        for (String part : template.split("#", -1)) {
            if (part.isEmpty()) {
                return "has an empty part: '#' separates non-empty parts";
            }
            if (part.indexOf('{') < 0 && part.indexOf('}') < 0) {
                if (part.indexOf('\\') >= 0) {
                    return "has literal part '" + part + "' containing '\\'";
                }
                continue;
            }
            String field = part.length() > 2 ? part.substring(1, part.length() - 1) : "";
            if (!part.startsWith("{")
                    || !part.endsWith("}")
                    || field.isEmpty()
                    || field.indexOf('{') >= 0
                    || field.indexOf('}') >= 0) {
                return "has part '"
                        + part
                        + "' mixing text and a field, so the key could not be parsed back "
                        + "unambiguously: a field must fill a whole '#'-separated part, as in "
                        + "'ORDER#{orderId}'";
            }
            if (!names.contains(field)) {
                return "names unknown field '" + field + "': fields are " + names;
            }
            if (!seen.add(field)) {
                return "names field '" + field + "' twice: name each field once";
            }
        }
        return null;
    }

    /** The generated {@code keyTemplates()} method, or empty when the type declares none. */
    static String method(TypeElement type) {
        List<Template> templates = read(type);
        if (templates.isEmpty()) {
            return "";
        }
        String spi = "dev.dynamorm.spi.schema.";
        StringBuilder b = new StringBuilder();
        b.append("    @Override\n    public java.util.List<")
                .append(spi)
                .append("KeyTemplateSchema> keyTemplates() {\n        return java.util.List.of(");
        for (int i = 0; i < templates.size(); i++) {
            Template t = templates.get(i);
            b.append(i == 0 ? "\n" : ",\n")
                    .append("                new ")
                    .append(spi)
                    .append("KeyTemplateSchema(")
                    .append(SchemaWriter.literal(t.index()))
                    .append(", dev.dynamorm.annotations.KeyRole.")
                    .append(t.role())
                    .append(", ")
                    .append(SchemaWriter.literal(t.attribute()))
                    .append(", ")
                    .append(SchemaWriter.literal(t.template()))
                    .append(", dev.dynamorm.annotations.IndexType.")
                    .append(t.type())
                    .append(", dev.dynamorm.annotations.ProjectionType.")
                    .append(t.projection())
                    .append(", java.util.List.of(");
            for (int j = 0; j < t.include().size(); j++) {
                b.append(j == 0 ? "" : ", ").append(SchemaWriter.literal(t.include().get(j)));
            }
            b.append("))");
        }
        return b.append(");\n    }\n\n").toString();
    }
}
