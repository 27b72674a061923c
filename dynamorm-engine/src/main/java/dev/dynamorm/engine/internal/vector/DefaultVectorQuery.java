package dev.dynamorm.engine.internal.vector;

import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.UnknownFieldException;
import dev.dynamorm.VectorMatch;
import dev.dynamorm.VectorQuery;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import dev.dynamorm.engine.internal.plugin.Event;
import dev.dynamorm.engine.internal.write.TableContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.SearchResultItem;
import software.amazon.awssdk.services.dynamodb.model.SearchVectorsRequest;
import software.amazon.awssdk.services.dynamodb.model.SearchVectorsResponse;

/**
 * The {@link VectorQuery} of a table: an immutable value checked at each step, sent as one {@code
 * SearchVectors} request by {@link #all()}.
 *
 * @param <T> the model type
 */
public final class DefaultVectorQuery<T> implements VectorQuery<T> {
    /** DynamoDB's TopK range. */
    static final int MAX_K = 100;

    static final int DEFAULT_K = 10;

    /** One filter condition with its value already converted. */
    private record Filter(FieldMetadata field, String operator, AttributeValue value) {}

    private final TableContext<T> table;
    private final List<VectorIndexModel> candidates;
    private final VectorIndexModel index;
    private final float[] vector;
    private final List<Filter> filters;
    private final int k;

    private DefaultVectorQuery(
            TableContext<T> table,
            List<VectorIndexModel> candidates,
            VectorIndexModel index,
            float[] vector,
            List<Filter> filters,
            int k) {
        this.table = table;
        this.candidates = candidates;
        this.index = index;
        this.vector = vector;
        this.filters = List.copyOf(filters);
        this.k = k;
    }

    /**
     * Starts a search on the vector index of {@code field}.
     *
     * @throws UnknownFieldException if the model has no such field
     * @throws InvalidRequestException if the field has no vector index or the vector does not fit
     */
    public static <T> VectorQuery<T> start(TableContext<T> table, String field, float[] vector) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(vector, "vector");
        ModelMetadata<T> model = table.model();
        FieldMetadata f = model.field(field);
        if (f == null) {
            throw new UnknownFieldException(
                    String.format(
                            Locale.ROOT,
                            "unknown field '%s' in model %s: vector fields are %s",
                            field,
                            model.type().getName(),
                            vectorFields(model)),
                    Operation.SEARCH_VECTORS,
                    model.type(),
                    field);
        }
        List<VectorIndexModel> candidates =
                VectorIndexes.of(model).stream().filter(i -> i.field().equals(f)).toList();
        if (candidates.isEmpty()) {
            throw invalid(
                    model,
                    "field '%s' of model %s has no vector index: declare one with @VectorIndex(name = ..., dimensions = ...)%s",
                    field,
                    model.type().getName(),
                    vectorFields(model).isEmpty() ? "" : " or search " + vectorFields(model));
        }
        VectorIndexModel index = candidates.get(0);
        float[] copy = vector.clone();
        if (copy.length != index.dimensions()) {
            throw invalid(
                    model,
                    "the search vector has %d dimensions but vector index '%s' of model %s has %d",
                    copy.length,
                    index.name(),
                    model.type().getName(),
                    index.dimensions());
        }
        for (int i = 0; i < copy.length; i++) {
            if (!Float.isFinite(copy[i])) {
                throw invalid(
                        model,
                        "element %d of the search vector is %s: every element must be a finite number",
                        i,
                        copy[i]);
            }
        }
        return new DefaultVectorQuery<>(table, candidates, index, copy, List.of(), DEFAULT_K);
    }

    private static List<String> vectorFields(ModelMetadata<?> model) {
        return VectorIndexes.of(model).stream().map(i -> i.field().name()).distinct().toList();
    }

    private static InvalidRequestException invalid(
            ModelMetadata<?> model, String format, Object... args) {
        return new InvalidRequestException(
                String.format(Locale.ROOT, format, args),
                Operation.SEARCH_VECTORS,
                model.type(),
                null);
    }

    @Override
    public VectorQuery<T> where(String field, String operator, Object value) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(operator, "operator");
        ModelMetadata<T> model = table.model();
        FieldMetadata f = model.field(field);
        if (f == null) {
            throw new UnknownFieldException(
                    String.format(
                            Locale.ROOT,
                            "unknown field '%s' in model %s: vector index '%s' filters on %s",
                            field,
                            model.type().getName(),
                            index.name(),
                            index.searchFieldNames()),
                    Operation.SEARCH_VECTORS,
                    model.type(),
                    field);
        }
        if (!index.searchFields().contains(f)) {
            throw invalid(
                    model,
                    "field '%s' is not in the search schema of vector index '%s' (model %s): it filters on %s; add the field to @VectorIndex(filters = ...)",
                    field,
                    index.name(),
                    model.type().getName(),
                    index.searchFieldNames());
        }
        String op = operator.trim();
        if (index.partitionKey().filter(f::equals).isPresent() && !op.equals("=")) {
            throw invalid(
                    model,
                    "field '%s' partitions vector index '%s': it takes '=' only, not '%s'",
                    field,
                    index.name(),
                    op);
        }
        if (!op.equals("=")) {
            // DynamoDB's SearchConditionExpression takes equality conditions joined by AND only
            throw invalid(
                    model,
                    "operator '%s' is not supported by vector search filters: DynamoDB compares search schema fields with '=' only",
                    operator);
        }
        AttributeValue v =
                table.context()
                        .values()
                        .bind(model.type(), Operation.SEARCH_VECTORS, field, f, value);
        List<Filter> more = new ArrayList<>(filters);
        more.add(new Filter(f, op, v));
        return new DefaultVectorQuery<>(table, candidates, index, vector, more, k);
    }

    @Override
    public VectorQuery<T> limit(int n) {
        if (n < 1 || n > MAX_K) {
            throw invalid(
                    table.model(),
                    "limit %d is out of range: a vector search returns 1 to %d items (DynamoDB's TopK)",
                    n,
                    MAX_K);
        }
        return new DefaultVectorQuery<>(table, candidates, index, vector, filters, n);
    }

    @Override
    public VectorQuery<T> index(String name) {
        Objects.requireNonNull(name, "name");
        for (VectorIndexModel c : candidates) {
            if (c.name().equals(name)) {
                if (!filters.isEmpty()
                        && !filters.stream().allMatch(f -> c.searchFields().contains(f.field()))) {
                    throw invalid(
                            table.model(),
                            "vector index '%s' does not filter on every field given to where(): call index(...) first",
                            name);
                }
                return new DefaultVectorQuery<>(table, candidates, c, vector, filters, k);
            }
        }
        throw invalid(
                table.model(),
                "field '%s' has no vector index '%s': its vector indexes are %s",
                index.field().name(),
                name,
                candidates.stream().map(VectorIndexModel::name).toList());
    }

    @Override
    public List<VectorMatch<T>> all() {
        ModelMetadata<T> model = table.model();
        index.partitionKey()
                .ifPresent(
                        p -> {
                            if (filters.stream().noneMatch(f -> f.field().equals(p))) {
                                throw invalid(
                                        model,
                                        "vector index '%s' is partitioned by '%s': add where(\"%s\", \"=\", value)",
                                        index.name(),
                                        p.name(),
                                        p.name());
                            }
                        });
        table.requireReadableForQuery(Operation.SEARCH_VECTORS);
        SearchVectorsResponse response =
                table.context()
                        .executor()
                        .run(
                                new Event(
                                        Operation.SEARCH_VECTORS,
                                        table.tableName(),
                                        model.type(),
                                        Optional.empty()),
                                request(),
                                r -> table.context().client().searchVectors(r),
                                e -> table.map(e, Operation.SEARCH_VECTORS));
        List<VectorMatch<T>> out = new ArrayList<>();
        if (response.hasSearchResults()) {
            for (SearchResultItem r : response.searchResults()) {
                if (!r.hasItem() || table.hidden(r.item())) {
                    continue;
                }
                T item = model.fromItem(r.item(), Operation.SEARCH_VECTORS);
                out.add(new VectorMatch<>(item, r.score() == null ? Double.NaN : r.score()));
            }
        }
        return List.copyOf(out);
    }

    /** The request: every name a {@code #n} placeholder, every value a {@code :v} placeholder. */
    SearchVectorsRequest request() {
        List<AttributeValue> search = new ArrayList<>(vector.length);
        for (float f : vector) {
            search.add(AttributeValue.fromN(Float.toString(f)));
        }
        SearchVectorsRequest.Builder b =
                SearchVectorsRequest.builder()
                        .tableName(table.tableName())
                        .indexName(index.name())
                        .searchVector(search)
                        .topK(k);
        if (!filters.isEmpty()) {
            Map<String, String> names = new LinkedHashMap<>();
            Map<String, AttributeValue> values = new LinkedHashMap<>();
            List<String> terms = new ArrayList<>();
            for (Filter f : filters) {
                String name = "#n" + names.size();
                String attribute = f.field().attributeName();
                for (Map.Entry<String, String> e : names.entrySet()) {
                    if (e.getValue().equals(attribute)) {
                        name = e.getKey();
                    }
                }
                names.putIfAbsent(name, attribute);
                String value = ":v" + values.size();
                values.put(value, f.value());
                terms.add(name + " " + f.operator() + " " + value);
            }
            b.searchConditionExpression(String.join(" AND ", terms))
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values);
        }
        return b.build();
    }
}
