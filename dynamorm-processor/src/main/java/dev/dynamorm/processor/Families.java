package dev.dynamorm.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Entity families at compile time: a {@code @DynamoTable} on a sealed interface or abstract class
 * whose permitted records and classes are the members. The root gets no schema; each member gets
 * one carrying the family's table. Shape errors the engine would report at run time are compile
 * errors, worded the same.
 */
final class Families {

    private final Elements elements;
    private final Messager messager;

    Families(Elements elements, Messager messager) {
        this.elements = elements;
        this.messager = messager;
    }

    /** Whether the type is a family root: annotated, and an interface or abstract class. */
    static boolean isRoot(TypeElement type) {
        // an annotated interface that is not sealed stays an invalid model, reported as such
        return Analyzer.annotation(type, "DynamoTable") != null
                && type.getModifiers().contains(Modifier.SEALED)
                && (type.getKind() == ElementKind.INTERFACE
                        || (type.getKind() == ElementKind.CLASS
                                && type.getModifiers().contains(Modifier.ABSTRACT)));
    }

    /**
     * The family root a type is a member of (a direct supertype that is a root and permits it), or
     * null.
     */
    static TypeElement rootOf(TypeElement type) {
        if (Analyzer.annotation(type, "DynamoTable") != null) {
            return null;
        }
        List<TypeMirror> supers = new ArrayList<>(type.getInterfaces());
        supers.add(type.getSuperclass());
        for (TypeMirror s : supers) {
            if (s.getKind() != TypeKind.DECLARED) {
                continue;
            }
            TypeElement e = (TypeElement) ((DeclaredType) s).asElement();
            if (isRoot(e) && permits(e, type)) {
                return e;
            }
        }
        return null;
    }

    /** The {@code @DynamoTable} of the type's family, or null when it is in none. */
    static AnnotationMirror familyTable(TypeElement type) {
        TypeElement root = rootOf(type);
        return root == null ? null : Analyzer.annotation(root, "DynamoTable");
    }

    private static boolean permits(TypeElement root, TypeElement member) {
        for (TypeMirror p : root.getPermittedSubclasses()) {
            if (p.getKind() == TypeKind.DECLARED
                    && ((DeclaredType) p)
                            .asElement()
                            .toString()
                            .equals(member.getQualifiedName().toString())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks a family's shape and returns its members; reports errors and returns an empty list
     * when the shape is invalid.
     */
    List<TypeElement> members(TypeElement root) {
        String name = root.getQualifiedName().toString();
        AnnotationMirror table = Analyzer.annotation(root, "DynamoTable");
        if (!root.getModifiers().contains(Modifier.SEALED)) {
            error(
                    root,
                    "entity family %s is %s but not sealed: declare it 'sealed ... permits' its member types "
                            + "(records or concrete classes), or annotate a record or concrete class instead",
                    name,
                    root.getKind() == ElementKind.INTERFACE ? "an interface" : "an abstract class");
            return List.of();
        }
        if (String.valueOf(value(table, "discriminator")).isBlank()) {
            error(
                    root,
                    "entity family %s has an empty discriminator attribute name in @DynamoTable: name the "
                            + "attribute (the default is \"_type\")",
                    name);
            return List.of();
        }
        List<TypeElement> members = new ArrayList<>();
        Map<String, TypeElement> byTag = new LinkedHashMap<>();
        TypeElement fallback = null;
        boolean ok = true;
        for (TypeMirror p : root.getPermittedSubclasses()) {
            TypeElement m = (TypeElement) ((DeclaredType) p).asElement();
            String mn = m.getQualifiedName().toString();
            if (m.getKind() == ElementKind.INTERFACE
                    || m.getModifiers().contains(Modifier.ABSTRACT)) {
                error(
                        root,
                        "entity family %s permits %s, which is %s: every member must be a record or a concrete "
                                + "class (nested families are not supported)",
                        name,
                        mn,
                        m.getKind() == ElementKind.INTERFACE
                                ? "an interface"
                                : "an abstract class");
                ok = false;
                continue;
            }
            if (Analyzer.annotation(m, "DynamoTable") != null) {
                error(
                        m,
                        "member %s of entity family %s has its own @DynamoTable: remove it (members are stored "
                                + "in the family's table '%s')",
                        mn,
                        name,
                        value(table, "value"));
                ok = false;
                continue;
            }
            AnnotationMirror d = Analyzer.annotation(m, "Discriminator");
            String tag = d == null ? "" : String.valueOf(value(d, "value"));
            if (tag.isEmpty()) {
                tag = m.getSimpleName().toString();
            }
            TypeElement clash = byTag.putIfAbsent(tag, m);
            if (clash != null) {
                error(
                        m,
                        "members %s and %s of entity family %s share the discriminator value '%s': give one of "
                                + "them another with @Discriminator(\"...\")",
                        clash.getQualifiedName(),
                        mn,
                        name,
                        tag);
                ok = false;
            }
            if (d != null && Boolean.TRUE.equals(value(d, "fallback"))) {
                if (fallback != null) {
                    error(
                            m,
                            "members %s and %s of entity family %s are both marked @Discriminator(fallback = "
                                    + "true): keep at most one fallback",
                            fallback.getQualifiedName(),
                            mn,
                            name);
                    ok = false;
                }
                fallback = m;
            }
            members.add(m);
        }
        if (ok && members.isEmpty()) {
            error(root, "entity family %s permits no member types", name);
        }
        return ok ? members : List.of();
    }

    private Object value(AnnotationMirror a, String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
                elements.getElementValuesWithDefaults(a).entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(member)) {
                return e.getValue().getValue();
            }
        }
        return null;
    }

    private void error(javax.lang.model.element.Element e, String format, Object... args) {
        messager.printMessage(Diagnostic.Kind.ERROR, String.format(Locale.ROOT, format, args), e);
    }
}
