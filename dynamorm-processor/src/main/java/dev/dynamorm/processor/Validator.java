package dev.dynamorm.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The checks of the engine's reflective builder that need no converter, with the same wording, so
 * that a model the engine would refuse fails the build instead.
 */
final class Validator {

    private static final Set<String> VERSION_TYPES =
            Set.of("int", "long", "java.lang.Integer", "java.lang.Long");
    private static final Set<String> TIMESTAMP_TYPES =
            Set.of(
                    "java.time.Instant",
                    "java.time.OffsetDateTime",
                    "java.time.ZonedDateTime",
                    "java.time.LocalDateTime",
                    "long",
                    "java.lang.Long");
    private static final Set<String> TTL_TYPES =
            Set.of(
                    "java.time.Instant",
                    "java.time.OffsetDateTime",
                    "java.time.ZonedDateTime",
                    "long",
                    "java.lang.Long");

    private final Analyzer.Errors errors;
    private final Model model;
    private final Types types;
    private final String name;

    Validator(Analyzer.Errors errors, Model model, Types types, Elements elements) {
        this.errors = errors;
        this.model = model;
        this.types = types;
        this.name = errors.model;
    }

    void validate() {
        List<Model.Property> props = model.properties();
        for (Model.Property p : props) {
            String t = typeName(p.type());
            if (p.has("Version") && !VERSION_TYPES.contains(t)) {
                errors.fail(
                        p.element(),
                        "model %s: @Version field '%s' has type %s: use int, long, Integer or Long",
                        name,
                        p.name(),
                        t);
            }
            for (String a : new String[] {"CreatedAt", "UpdatedAt"}) {
                if (p.has(a) && !TIMESTAMP_TYPES.contains(t)) {
                    errors.fail(
                            p.element(),
                            "model %s: @%s field '%s' has type %s: use Instant, OffsetDateTime, ZonedDateTime, "
                                    + "LocalDateTime, long or Long (epoch milliseconds)",
                            name,
                            a,
                            p.name(),
                            t);
                }
            }
            if (p.has("Ttl")) {
                if (!TTL_TYPES.contains(t)) {
                    errors.fail(
                            p.element(),
                            "model %s: @Ttl field '%s' has type %s: use Instant, OffsetDateTime, ZonedDateTime, long "
                                    + "or Long (epoch seconds)",
                            name,
                            p.name(),
                            t);
                } else if (p.converter() != null) {
                    errors.fail(
                            p.element(),
                            "model %s: @Ttl field '%s' cannot have @Convert: the time-to-live attribute is always "
                                    + "stored as epoch seconds; remove @Convert",
                            name,
                            p.name());
                }
            }
            if (p.has("Unique") && (p.has("PartitionKey") || p.has("SortKey") || p.transformed())) {
                errors.fail(
                        p.element(),
                        "model %s: field '%s' is @Unique and %s: %s",
                        name,
                        p.name(),
                        p.transformed() ? p.transformNames() : "a key",
                        p.transformed()
                                ? "its sentinel item's key would hold the plain value; remove one of them"
                                : "a key is unique already, remove @Unique");
            }
            if (p.transformed()) {
                String role =
                        p.has("Version")
                                ? "@Version"
                                : p.has("CreatedAt")
                                        ? "@CreatedAt"
                                        : p.has("UpdatedAt")
                                                ? "@UpdatedAt"
                                                : p.has("Ttl") ? "@Ttl" : null;
                if (role != null) {
                    errors.fail(
                            p.element(),
                            "model %s: field '%s' is %s and %s: DynamORM (or DynamoDB, for @Ttl) must read "
                                    + "and write that value in plain form; remove %s",
                            name,
                            p.name(),
                            p.transformNames(),
                            role,
                            p.transformNames());
                }
            }
        }
        Map<String, Model.Property> seen = new HashMap<>();
        for (Model.Property p : props) {
            String attr = attributeName(p);
            Model.Property other = seen.putIfAbsent(attr, p);
            if (other != null) {
                errors.fail(
                        p.element(),
                        "model %s: fields '%s' and '%s' both map to attribute '%s': rename one with @Attribute",
                        name,
                        other.name(),
                        p.name(),
                        attr);
            }
        }
        if (model.table() == null) {
            for (Model.Property p : props) {
                if (p.transformed()) {
                    String simple = model.type().getSimpleName().toString();
                    boolean encrypted = p.transformNames().equals("@Encrypted");
                    errors.fail(
                            p.element(),
                            "model %s: field '%s' is %s, but %s is stored nested inside another model, "
                                    + "where nothing %s it: mark the field of the table model that holds a %s "
                                    + "%s instead (its whole value is then %s)",
                            name,
                            p.name(),
                            p.transformNames(),
                            simple,
                            encrypted ? "encrypts" : "transforms",
                            simple,
                            p.transformNames(),
                            encrypted ? "encrypted" : "transformed");
                }
            }
            return;
        }
        Model.Property pk = null;
        Model.Property sk = null;
        for (Model.Property p : props) {
            if (p.has("PartitionKey") && p.has("SortKey")) {
                errors.fail(
                        p.element(),
                        "model %s: field '%s' is annotated with both @PartitionKey and @SortKey: a field holds "
                                + "one key role; use two fields",
                        name,
                        p.name());
                return;
            }
            if (p.has("PartitionKey")) {
                if (pk != null) {
                    errors.fail(
                            p.element(),
                            "model %s has two @PartitionKey fields, '%s' and '%s': keep exactly one",
                            name,
                            pk.name(),
                            p.name());
                    return;
                }
                pk = p;
            }
            if (p.has("SortKey")) {
                if (sk != null) {
                    errors.fail(
                            p.element(),
                            "model %s has two @SortKey fields, '%s' and '%s': keep at most one",
                            name,
                            sk.name(),
                            p.name());
                    return;
                }
                sk = p;
            }
        }
        if (pk == null && !Templates.declaresPartitionKey(model.type())) {
            errors.fail(
                    model.type(),
                    "model %s has no @PartitionKey: annotate the field that holds the partition key",
                    name);
            return;
        }
        if (pk != null) {
            tableKey(pk, "partition");
        }
        if (sk != null) {
            tableKey(sk, "sort");
        }
        for (String a : new String[] {"Version", "CreatedAt", "UpdatedAt", "Ttl"}) {
            Model.Property found = null;
            for (Model.Property p : props) {
                if (p.has(a)) {
                    if (found != null) {
                        errors.fail(
                                p.element(),
                                "model %s has two @%s fields, '%s' and '%s': keep at most one",
                                name,
                                a,
                                found.name(),
                                p.name());
                    }
                    found = p;
                }
            }
        }
        indexes(sk);
    }

    private void tableKey(Model.Property key, String role) {
        if (key.transformed()) {
            errors.fail(
                    key.element(),
                    "model %s: field '%s' is the %s key and cannot be %s: DynamoDB must read keys in "
                            + "plain form; remove %s",
                    name,
                    key.name(),
                    role,
                    key.transformNames(),
                    key.transformNames());
        }
        if (key.has("Version") || key.has("UpdatedAt")) {
            errors.fail(
                    key.element(),
                    "model %s: field '%s' is the %s key and cannot be %s: a key never changes once written",
                    name,
                    key.name(),
                    role,
                    key.has("Version") ? "@Version" : "@UpdatedAt");
        }
    }

    private void indexes(Model.Property sk) {
        Map<String, List<Object[]>> decls = new LinkedHashMap<>();
        for (Model.Property p : model.properties()) {
            for (Model.IndexKey k : p.indexKeys()) {
                if (k.index().isBlank()) {
                    errors.fail(
                            p.element(),
                            "model %s: field '%s' has an @IndexKey with an empty index name: name the index",
                            name,
                            p.name());
                    continue;
                }
                decls.computeIfAbsent(k.index(), n -> new ArrayList<>()).add(new Object[] {p, k});
            }
        }
        for (Map.Entry<String, List<Object[]>> e : decls.entrySet()) {
            String index = e.getKey();
            Model.Property partition = null;
            Model.Property sort = null;
            String type = null;
            for (Object[] d : e.getValue()) {
                Model.Property p = (Model.Property) d[0];
                Model.IndexKey k = (Model.IndexKey) d[1];
                type = type == null ? k.type() : type;
                if (k.role().equals("PARTITION")) {
                    partition = p;
                } else {
                    sort = p;
                }
                if (p.transformed()) {
                    errors.fail(
                            p.element(),
                            "model %s: field '%s' is the %s key of index '%s' and cannot be %s: DynamoDB "
                                    + "must read index keys in plain form; remove %s",
                            name,
                            p.name(),
                            k.role().equals("PARTITION") ? "partition" : "sort",
                            index,
                            p.transformNames(),
                            p.transformNames());
                }
                if (!k.include().isEmpty() && !k.projection().equals("INCLUDE")) {
                    errors.fail(
                            p.element(),
                            "model %s: index '%s' lists include fields %s but its projection is %s: set projection = "
                                    + "ProjectionType.INCLUDE",
                            name,
                            index,
                            k.include(),
                            k.projection());
                }
                for (String inc : k.include()) {
                    if (model.properties().stream().noneMatch(q -> q.name().equals(inc))) {
                        errors.fail(
                                p.element(),
                                "model %s: index '%s' includes unknown field '%s': include takes Java field names "
                                        + "of the model (%s)",
                                name,
                                index,
                                inc,
                                String.join(
                                        ", ",
                                        model.properties().stream()
                                                .map(Model.Property::name)
                                                .toList()));
                    }
                }
            }
            if ("GLOBAL".equals(type) && partition == null) {
                errors.fail(
                        sort == null ? model.type() : sort.element(),
                        "model %s: index '%s' has a sort key but no partition key: add @IndexKey(index = "
                                + "\"%s\") to the field that partitions it",
                        name,
                        index,
                        index);
            }
            if ("LOCAL".equals(type) && sk == null) {
                errors.fail(
                        model.type(),
                        "model %s: local index '%s' needs a table sort key, and the model has none: add "
                                + "@SortKey to a field, or make the index GLOBAL",
                        name,
                        index);
            }
        }
    }

    String attributeName(Model.Property p) {
        return attributeName(model.naming(), p);
    }

    /**
     * The attribute name of a property under a naming convention, as the engine resolves it (the
     * engine checks the names that generated read code assumes before using them).
     */
    static String attributeName(String naming, Model.Property p) {
        if (p.attribute() != null) {
            return p.attribute();
        }
        if (!naming.equals("SNAKE_CASE")) {
            return p.name();
        }
        String javaName = p.name();
        StringBuilder out = new StringBuilder(javaName.length() + 4);
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean previousLower = i > 0 && !Character.isUpperCase(javaName.charAt(i - 1));
                boolean nextLower =
                        i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
                if (i > 0 && (previousLower || nextLower) && out.charAt(out.length() - 1) != '_') {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private String typeName(TypeMirror t) {
        if (t.getKind().isPrimitive()) {
            return t.getKind().name().toLowerCase(java.util.Locale.ROOT);
        }
        if (t.getKind() == TypeKind.DECLARED) {
            return types.erasure(t).toString();
        }
        return t.toString();
    }
}
