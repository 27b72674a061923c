package dev.dynamorm.engine.internal;

import dev.dynamorm.Condition;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.Operator;
import dev.dynamorm.Query;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.KeyTemplate;
import dev.dynamorm.engine.internal.model.KeyTemplates;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import dev.dynamorm.engine.internal.query.QuerySpec;
import dev.dynamorm.engine.internal.query.Term;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Collections ({@code db.collection(Family.class)}): queries of one partition of an entity family's
 * table across every member type. Checked when the query runs: after templates are bound, the
 * table's partition key must have an equality, and no index may be named.
 */
final class CollectionQueries {

    private CollectionQueries() {}

    /** An empty collection query of a family's table. */
    static <T> DefaultQuery<T> start(DefaultTable<T> table) {
        ModelMetadata<T> model = table.model();
        if (model.discriminatorAttribute().isEmpty() || model.typeTag().isPresent()) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "db.collection(%s.class): a collection reads the items of every member of an "
                                    + "entity family; %s is %s: pass the sealed interface annotated with "
                                    + "@DynamoTable, or use db.table(%s.class).where(..)",
                            model.type().getSimpleName(),
                            model.type().getName(),
                            model.typeTag().isPresent()
                                    ? "a member of a family, not its root"
                                    : "not an entity family",
                            model.type().getSimpleName()),
                    Operation.QUERY,
                    model.type(),
                    null);
        }
        return new DefaultQuery<>(table, QuerySpec.EMPTY, true);
    }

    /** Checks that a bound collection query names one partition of the table. */
    static void check(ModelMetadata<?> model, QuerySpec bound) {
        if (bound.index() != null && !Query.TABLE.equals(bound.index())) {
            throw fail(
                    model,
                    "names index '%s', but a collection reads one partition of the table: leave "
                            + "index(..) out",
                    bound.index());
        }
        FieldMetadata pk = model.partitionKey();
        for (Term t : bound.terms()) {
            if (!t.filterOnly()
                    && t.condition() instanceof Condition.Comparison c
                    && c.operator() == Operator.EQ
                    && c.field().equals(pk.name())) {
                return;
            }
        }
        Set<String> fields = new LinkedHashSet<>();
        for (KeyTemplate template : KeyTemplates.templatesOf(pk)) {
            for (FieldMetadata f : template.fields()) {
                fields.add("'" + f.name() + "'");
            }
        }
        throw fail(
                model,
                "does not name one partition: give where(field, \"=\", value) on %s",
                fields.isEmpty() ? "'" + pk.name() + "'" : String.join(" and ", fields));
    }

    private static InvalidRequestException fail(
            ModelMetadata<?> model, String format, Object... args) {
        return new InvalidRequestException(
                "collection of "
                        + model.type().getSimpleName()
                        + " "
                        + String.format(Locale.ROOT, format, args),
                Operation.QUERY,
                model.type(),
                null);
    }
}
