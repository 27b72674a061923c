package dev.dynamorm.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Reads a model class the way the engine's reflective builder does, reports its mapping errors with
 * the runtime's wording, and gives the {@link Model} to write.
 */
final class Analyzer {

    static final String PKG = "dev.dynamorm.annotations.";

    private final Elements elements;
    private final Types types;
    private final Messager messager;

    Analyzer(ProcessingEnvironment env) {
        this.elements = env.getElementUtils();
        this.types = env.getTypeUtils();
        this.messager = env.getMessager();
    }

    /**
     * Analyses a type.
     *
     * @param report whether mapping errors are compile errors (top-level models) or only a reason
     *     to skip generation (nested candidates)
     * @return the model, or null when no schema can be generated
     */
    Model analyze(TypeElement type, boolean report) {
        AnnotationMirror tableAnn = annotation(type, "DynamoTable");
        if (tableAnn == null) {
            tableAnn = Families.familyTable(type); // a member of an entity family
        }
        String table = tableAnn == null ? null : (String) value(tableAnn, "value");
        String naming = tableAnn == null ? "CAMEL_CASE" : value(tableAnn, "naming").toString();
        String name = type.getQualifiedName().toString();
        Errors errors = new Errors(report, name);
        if (type.getKind() == ElementKind.ENUM
                || type.getKind() == ElementKind.INTERFACE
                || type.getKind() == ElementKind.ANNOTATION_TYPE
                || type.getModifiers().contains(Modifier.ABSTRACT)) {
            String kind =
                    type.getKind() == ElementKind.ENUM
                            ? "an enum"
                            : type.getKind() == ElementKind.CLASS
                                    ? "an abstract class"
                                    : type.getKind() == ElementKind.INTERFACE
                                            ? "an interface"
                                            : "an annotation type";
            errors.fail(
                    type,
                    "model %s is %s: a model must be a record, or a concrete class with a public no-argument "
                            + "constructor and getters and setters",
                    name,
                    kind);
            return null;
        }
        if (table != null && table.isBlank()) {
            errors.fail(
                    type,
                    "model %s has an empty table name in @DynamoTable: give the table a name",
                    name);
            return null;
        }
        if (!accessible(type)) {
            note(
                    type,
                    "model %s is private: it is read by reflection (make it package-private or public to "
                            + "generate its schema)",
                    name);
            return null;
        }
        boolean record = type.getKind() == ElementKind.RECORD;
        List<Model.Property> props = new ArrayList<>();
        List<Model.Component> components = new ArrayList<>();
        if (record) {
            for (RecordComponentElement rc :
                    ElementFilter.recordComponentsIn(type.getEnclosedElements())) {
                List<Element> sources = new ArrayList<>();
                sources.add(rc);
                if (rc.getAccessor() != null) {
                    sources.add(rc.getAccessor());
                }
                // javac gives record components no source position; their fields have the same one
                Element position = rc;
                for (VariableElement f : ElementFilter.fieldsIn(type.getEnclosedElements())) {
                    if (f.getSimpleName().equals(rc.getSimpleName())) {
                        position = f;
                    }
                }
                Model.Property p =
                        property(
                                errors,
                                rc.getSimpleName().toString(),
                                rc.asType(),
                                position,
                                sources,
                                "instance." + rc.getSimpleName() + "()",
                                null,
                                false);
                components.add(new Model.Component(rc.asType(), p == null ? -1 : props.size()));
                if (p != null) {
                    props.add(p);
                }
            }
        } else {
            if (!beanProperties(type, errors, props)) {
                return null;
            }
            if (props.isEmpty() && table == null) {
                errors.fail(
                        type,
                        "model %s has no mapped fields: add getter and setter pairs, or annotate its fields",
                        name);
            }
        }
        if (errors.count > 0) {
            return null;
        }
        Model model = new Model(type, table, naming, record, props, components);
        new Validator(errors, model, types, elements).validate();
        Templates.validate(model, errors);
        return errors.count > 0 ? null : model;
    }

    private boolean beanProperties(TypeElement type, Errors errors, List<Model.Property> out) {
        String name = type.getQualifiedName().toString();
        ExecutableElement noArg = null;
        for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC)) {
                noArg = c;
            }
        }
        if (noArg == null) {
            String hint =
                    type.getNestingKind().isNested()
                                    && !type.getModifiers().contains(Modifier.STATIC)
                            ? " (it is an inner class: make it static)"
                            : "";
            errors.fail(
                    type,
                    "model %s has no public no-argument constructor%s: add one, or make it a record",
                    name,
                    hint);
            return false;
        }
        // fields, superclasses first
        List<TypeElement> hierarchy = new ArrayList<>();
        for (TypeElement c = type; c != null; ) {
            if (c.getQualifiedName().contentEquals("java.lang.Object")) {
                break;
            }
            hierarchy.add(0, c);
            TypeMirror sup = c.getSuperclass();
            c = sup.getKind() == TypeKind.DECLARED ? (TypeElement) types.asElement(sup) : null;
        }
        Map<String, VariableElement> fields = new LinkedHashMap<>();
        Set<String> transientNames = new LinkedHashSet<>();
        for (TypeElement c : hierarchy) {
            for (VariableElement f : ElementFilter.fieldsIn(c.getEnclosedElements())) {
                if (f.getModifiers().contains(Modifier.STATIC)) {
                    continue;
                }
                String n = f.getSimpleName().toString();
                fields.remove(n);
                if (f.getModifiers().contains(Modifier.TRANSIENT)) {
                    transientNames.add(n);
                    continue;
                }
                fields.put(n, f);
            }
        }
        Map<String, ExecutableElement> getters = new LinkedHashMap<>();
        Map<String, List<ExecutableElement>> setters = new LinkedHashMap<>();
        for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(type))) {
            if (m.getModifiers().contains(Modifier.STATIC)
                    || !m.getModifiers().contains(Modifier.PUBLIC)
                    || ((TypeElement) m.getEnclosingElement())
                            .getQualifiedName()
                            .contentEquals("java.lang.Object")) {
                continue;
            }
            String n = m.getSimpleName().toString();
            TypeMirror ret = m.getReturnType();
            if (m.getParameters().isEmpty() && ret.getKind() != TypeKind.VOID) {
                if (n.startsWith("get") && n.length() > 3) {
                    getters.putIfAbsent(decapitalize(n.substring(3)), m);
                } else if (n.startsWith("is") && n.length() > 2 && isBoolean(ret)) {
                    String p = decapitalize(n.substring(2));
                    ExecutableElement existing = getters.get(p);
                    if (existing == null || existing.getSimpleName().toString().startsWith("is")) {
                        getters.put(p, m);
                    }
                }
            } else if (m.getParameters().size() == 1 && n.startsWith("set") && n.length() > 3) {
                setters.computeIfAbsent(decapitalize(n.substring(3)), k -> new ArrayList<>())
                        .add(m);
            }
        }
        for (Map<String, ?> accessors : List.of(getters, setters)) {
            for (String p : new ArrayList<>(accessors.keySet())) {
                if (!fields.containsKey(p)) {
                    fields.keySet().stream()
                            .filter(f -> f.equalsIgnoreCase(p) && !accessors.containsKey(f))
                            .findFirst()
                            .ifPresent(f -> rename(accessors, p, f));
                }
            }
        }
        Set<String> names = new LinkedHashSet<>(fields.keySet());
        names.addAll(new TreeSet<>(getters.keySet()));
        for (String n : names) {
            if (transientNames.contains(n)) {
                continue;
            }
            VariableElement field = fields.get(n);
            ExecutableElement getter = getters.get(n);
            TypeMirror getterType = getter == null ? null : memberType(type, getter);
            TypeMirror fieldType =
                    field == null ? null : types.asMemberOf((DeclaredType) type.asType(), field);
            ExecutableElement setter = null;
            TypeMirror want = getter != null ? getterType : fieldType;
            if (want != null) {
                for (ExecutableElement s : setters.getOrDefault(n, List.of())) {
                    TypeMirror param =
                            ((javax.lang.model.type.ExecutableType)
                                            types.asMemberOf((DeclaredType) type.asType(), s))
                                    .getParameterTypes()
                                    .get(0);
                    if (types.isSameType(types.erasure(param), types.erasure(want))) {
                        setter = s;
                        break;
                    }
                }
            }
            boolean pair = getter != null && setter != null;
            boolean annotatedField = field != null && annotated(field);
            if (!pair && !annotatedField) {
                continue;
            }
            List<Element> sources = new ArrayList<>(2);
            if (field != null) {
                sources.add(field);
            }
            if (getter != null) {
                sources.add(getter);
            }
            String read;
            if (getter != null) {
                read = "instance." + getter.getSimpleName() + "()";
            } else if (fieldAccessible(field, type)) {
                read = "instance." + n;
            } else {
                if (!annotations(sources).contains("Ignore")) {
                    note(
                            field,
                            "model %s: field '%s' has no public getter: the model is read by reflection",
                            name,
                            n);
                    return false;
                }
                read = null;
            }
            String write = null;
            boolean writeField = false;
            if (setter != null) {
                write = "instance." + setter.getSimpleName() + "(";
            } else if (field != null && !field.getModifiers().contains(Modifier.FINAL)) {
                if (fieldAccessible(field, type)) {
                    write = "instance." + n + " = ";
                    writeField = true;
                } else if (!annotations(sources).contains("Ignore")) {
                    note(
                            field,
                            "model %s: field '%s' has no public setter: the model is read by reflection",
                            name,
                            n);
                    return false;
                }
            } else if (!annotations(sources).contains("Ignore")) {
                errors.fail(
                        field,
                        "model %s: field '%s' is final and has no setter, so it cannot be read back: make it "
                                + "non-final or add a setter",
                        name,
                        n);
                return false;
            }
            Model.Property p =
                    property(
                            errors,
                            n,
                            getter != null ? getterType : fieldType,
                            field != null ? field : getter,
                            sources,
                            read,
                            write,
                            writeField);
            if (p != null) {
                out.add(p);
            }
        }
        return true;
    }

    private TypeMirror memberType(TypeElement type, ExecutableElement m) {
        return ((javax.lang.model.type.ExecutableType)
                        types.asMemberOf((DeclaredType) type.asType(), m))
                .getReturnType();
    }

    private static boolean fieldAccessible(VariableElement f, TypeElement model) {
        if (f.getModifiers().contains(Modifier.PRIVATE)) {
            return false;
        }
        return f.getEnclosingElement().equals(model) || f.getModifiers().contains(Modifier.PUBLIC);
    }

    private static boolean isBoolean(TypeMirror t) {
        return t.getKind() == TypeKind.BOOLEAN || t.toString().equals("java.lang.Boolean");
    }

    private static <V> void rename(Map<String, V> map, String from, String to) {
        map.put(to, map.remove(from));
    }

    static String decapitalize(String s) {
        if (s.length() > 1
                && Character.isUpperCase(s.charAt(0))
                && Character.isUpperCase(s.charAt(1))) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** Reads one property's annotations; null when it is ignored (or wrongly annotated). */
    private Model.Property property(
            Errors errors,
            String name,
            TypeMirror type,
            Element element,
            List<Element> sources,
            String getter,
            String setter,
            boolean setterIsField) {
        List<String> present = annotations(sources);
        if (present.contains("Ignore")) {
            if (present.size() > 1) {
                List<String> others = new ArrayList<>();
                for (String a : present) {
                    if (!a.equals("Ignore")) {
                        others.add("@" + a);
                    }
                }
                errors.fail(
                        element,
                        "model %s: field '%s' is annotated with @Ignore and %s: an ignored field is not mapped, so "
                                + "remove @Ignore or the other annotations",
                        errors.model,
                        name,
                        String.join(", ", others));
            }
            return null;
        }
        String attribute = null;
        String converter = null;
        // an annotation on a record component also lands on its accessor: keep each key once
        Set<Model.IndexKey> keys = new LinkedHashSet<>();
        Set<String> transforms = new LinkedHashSet<>();
        for (Element e : sources) {
            for (AnnotationMirror a : e.getAnnotationMirrors()) {
                TypeElement at = (TypeElement) a.getAnnotationType().asElement();
                String an = at.getQualifiedName().toString();
                if (annotation(at, "FieldTransform") != null) {
                    transforms.add(an);
                }
                if (an.equals(PKG + "Attribute") && attribute == null) {
                    attribute = (String) value(a, "value");
                } else if (an.equals(PKG + "Convert") && converter == null) {
                    TypeMirror c = (TypeMirror) value(a, "value");
                    converter = ((TypeElement) types.asElement(c)).getQualifiedName().toString();
                    checkConverter(errors, element, name, (TypeElement) types.asElement(c));
                } else if (an.equals(PKG + "IndexKey")) {
                    keys.add(indexKey(a));
                } else if (an.equals(PKG + "IndexKeys")) {
                    @SuppressWarnings("unchecked")
                    List<? extends AnnotationValue> list =
                            (List<? extends AnnotationValue>) value(a, "value");
                    for (AnnotationValue v : list) {
                        keys.add(indexKey((AnnotationMirror) v.getValue()));
                    }
                }
            }
        }
        if (attribute != null && attribute.isBlank()) {
            errors.fail(
                    element,
                    "model %s: field '%s' has an empty @Attribute name: give the attribute a name or remove "
                            + "@Attribute",
                    errors.model,
                    name);
        }
        return new Model.Property(
                name,
                type,
                element,
                getter,
                setter,
                setterIsField,
                attribute,
                converter,
                present,
                List.copyOf(keys),
                List.copyOf(transforms));
    }

    private void checkConverter(Errors errors, Element element, String field, TypeElement c) {
        if (c.getKind() == ElementKind.INTERFACE || c.getModifiers().contains(Modifier.ABSTRACT)) {
            errors.fail(
                    element,
                    "model %s: field '%s': @Convert names %s, which is abstract: name a concrete converter class",
                    errors.model,
                    field,
                    c.getQualifiedName());
            return;
        }
        boolean ctor = false;
        for (ExecutableElement k : ElementFilter.constructorsIn(c.getEnclosedElements())) {
            if (k.getParameters().isEmpty() && k.getModifiers().contains(Modifier.PUBLIC)) {
                ctor = true;
            }
        }
        if (!ctor || !c.getModifiers().contains(Modifier.PUBLIC)) {
            errors.fail(
                    element,
                    "model %s: field '%s': converter %s has no public no-argument constructor: add one",
                    errors.model,
                    field,
                    c.getQualifiedName());
        }
    }

    private Model.IndexKey indexKey(AnnotationMirror a) {
        @SuppressWarnings("unchecked")
        List<? extends AnnotationValue> include =
                (List<? extends AnnotationValue>) value(a, "include");
        List<String> names = new ArrayList<>();
        for (AnnotationValue v : include) {
            names.add((String) v.getValue());
        }
        return new Model.IndexKey(
                (String) value(a, "index"),
                value(a, "type").toString(),
                value(a, "role").toString(),
                value(a, "projection").toString(),
                names,
                (Integer) value(a, "order"));
    }

    /** Simple names of the DynamORM annotations on the sources, in order, without repeats. */
    static List<String> annotations(List<Element> sources) {
        Set<String> out = new LinkedHashSet<>();
        for (Element e : sources) {
            for (AnnotationMirror a : e.getAnnotationMirrors()) {
                String an =
                        ((TypeElement) a.getAnnotationType().asElement())
                                .getQualifiedName()
                                .toString();
                if (an.startsWith(PKG) && an.indexOf('.', PKG.length()) < 0) {
                    String simple = an.substring(PKG.length());
                    out.add(simple.equals("IndexKeys") ? "IndexKey" : simple);
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static boolean annotated(Element e) {
        return !annotations(List.of(e)).isEmpty();
    }

    static AnnotationMirror annotation(Element e, String simpleName) {
        for (AnnotationMirror a : e.getAnnotationMirrors()) {
            if (((TypeElement) a.getAnnotationType().asElement())
                    .getQualifiedName()
                    .contentEquals(PKG + simpleName)) {
                return a;
            }
        }
        return null;
    }

    Object value(AnnotationMirror a, String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
                elements.getElementValuesWithDefaults(a).entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(member)) {
                return e.getValue().getValue();
            }
        }
        throw new IllegalStateException("no member " + member + " in " + a);
    }

    /** Whether generated code in the same package can name the type. */
    static boolean accessible(TypeElement type) {
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (e.getModifiers().contains(Modifier.PRIVATE)) {
                return false;
            }
            if (((TypeElement) e).getNestingKind().isNested()
                    && e.getKind() == ElementKind.CLASS
                    && !e.getModifiers().contains(Modifier.STATIC)) {
                return false;
            }
        }
        return true;
    }

    private void note(Element e, String format, Object... args) {
        messager.printMessage(Diagnostic.Kind.NOTE, String.format(Locale.ROOT, format, args), e);
    }

    /** Collects the errors of one model: compile errors, or silent for nested candidates. */
    final class Errors {
        final boolean report;
        final String model;
        int count;

        Errors(boolean report, String model) {
            this.report = report;
            this.model = model;
        }

        void fail(Element e, String format, Object... args) {
            count++;
            if (report) {
                messager.printMessage(
                        Diagnostic.Kind.ERROR, String.format(Locale.ROOT, format, args), e);
            }
        }
    }
}
