package dev.dynamorm.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Compile-time checks of {@code @VectorIndex} declarations: the errors the engine would report at
 * run time, worded the same, on the field that declares the index.
 */
final class VectorIndexChecks {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
    private static final int MAX_DIMENSIONS = 4096;

    private final Elements elements;
    private final Messager messager;

    VectorIndexChecks(Elements elements, Messager messager) {
        this.elements = elements;
        this.messager = messager;
    }

    /**
     * Reports every invalid {@code @VectorIndex} of a model.
     *
     * @return whether all were valid
     */
    boolean check(Model model) {
        Set<String> properties = new HashSet<>();
        model.properties().forEach(p -> properties.add(p.name()));
        Set<String> names = new HashSet<>();
        Map<String, Long> dimensionsByField = new HashMap<>();
        String owner = "model " + model.type().getQualifiedName() + ": ";
        boolean ok = true;
        for (VariableElement f : ElementFilter.fieldsIn(model.type().getEnclosedElements())) {
            AnnotationMirror a = Analyzer.annotation(f, "VectorIndex");
            if (a == null) {
                continue;
            }
            List<String> errors = new ArrayList<>();
            String field = f.getSimpleName().toString();
            String name = (String) value(a, "name");
            long dimensions = ((Number) value(a, "dimensions")).longValue();
            if (!properties.contains(field)) {
                errors.add(
                        format(
                                "field '%s' has @VectorIndex but is not mapped (is it @Ignore'd or transient?)",
                                field));
            }
            if (!isVectorType(f.asType())) {
                errors.add(
                        format(
                                "@VectorIndex field '%s' is %s: declare it as float[] or List<Float>",
                                field, f.asType()));
            }
            if (!NAME.matcher(name).matches()) {
                errors.add(
                        format(
                                "vector index name '%s' on field '%s' must be 3 to 255 characters of [a-zA-Z0-9_.-]",
                                name, field));
            }
            if (dimensions < 1 || dimensions > MAX_DIMENSIONS) {
                errors.add(
                        format(
                                "vector index '%s' has %d dimensions: DynamoDB allows 1 to %d",
                                name, dimensions, MAX_DIMENSIONS));
            }
            List<String> referenced = new ArrayList<>();
            String partition = (String) value(a, "partitionKey");
            if (!partition.isEmpty()) {
                referenced.add(partition + "\u0000partitionKey");
            }
            strings(a, "filters").forEach(s -> referenced.add(s + "\u0000filters"));
            List<String> include = strings(a, "include");
            include.forEach(s -> referenced.add(s + "\u0000include"));
            for (String r : referenced) {
                String[] parts = r.split("\u0000", 2);
                if (!properties.contains(parts[0])) {
                    errors.add(
                            format(
                                    "vector index '%s' names unknown field '%s' in %s",
                                    name, parts[0], parts[1]));
                }
            }
            String projection = value(a, "projection").toString();
            if (!include.isEmpty() && !projection.equals("INCLUDE")) {
                errors.add(
                        format(
                                "vector index '%s' lists include fields but projects %s: set projection = INCLUDE",
                                name, projection));
            }
            if (include.isEmpty() && projection.equals("INCLUDE")) {
                errors.add(
                        format(
                                "vector index '%s' projects INCLUDE but lists no include fields",
                                name));
            }
            if (!names.add(name)) {
                errors.add(format("index name '%s' is used twice", name));
            }
            Long other = dimensionsByField.put(field, dimensions);
            if (other != null && other != dimensions) {
                errors.add(
                        format(
                                "field '%s' has vector indexes of %d and %d dimensions: they must agree",
                                field, other, dimensions));
            }
            for (String e : errors) {
                messager.printMessage(Diagnostic.Kind.ERROR, owner + e, f);
                ok = false;
            }
        }
        return ok;
    }

    private static String format(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static boolean isVectorType(TypeMirror t) {
        if (t.getKind() == TypeKind.ARRAY) {
            return t.toString().equals("float[]");
        }
        return t.toString().equals("java.util.List<java.lang.Float>");
    }

    private Object value(AnnotationMirror a, String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
                elements.getElementValuesWithDefaults(a).entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(member)) {
                return e.getValue().getValue();
            }
        }
        throw new IllegalStateException("no member " + member + " in " + a);
    }

    private List<String> strings(AnnotationMirror a, String member) {
        List<String> out = new ArrayList<>();
        if (value(a, member) instanceof List<?> list) {
            for (Object o : list) {
                out.add(String.valueOf(((AnnotationValue) o).getValue()));
            }
        }
        return out;
    }
}
