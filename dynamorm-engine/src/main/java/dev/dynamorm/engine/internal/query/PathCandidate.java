package dev.dynamorm.engine.internal.query;

import dev.dynamorm.IndexScorer;
import dev.dynamorm.Operator;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.IndexMetadata;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** An access path and how the query binds it; the {@link IndexScorer} sees it as a candidate. */
final class PathCandidate implements IndexScorer.Candidate {
    final IndexMetadata index;
    final FieldMetadata pk;
    final Optional<FieldMetadata> sk;

    /** Every partition key field: one, or several for a multi-attribute index key. */
    final List<FieldMetadata> pks;

    /** Every sort key field: none, one, or several for a multi-attribute index key. */
    final List<FieldMetadata> sks;

    final int position;
    TermInfo pkTerm;

    /**
     * The '=' terms on the other partition fields and the leading sort fields of a multi-attribute
     * key, rendered into the key condition between the partition term and the sort term(s).
     */
    final List<TermInfo> keyEqualities = new ArrayList<>();

    final List<TermInfo> skTerms = new ArrayList<>();
    Operator skOperator;

    /** The sort field that {@link #skTerms} bind, when it is not {@link #sk} (multi-attribute). */
    FieldMetadata skBound;

    final List<TermInfo> filters = new ArrayList<>();
    boolean covers = true;
    List<String> missing = List.of();
    String unusable;
    OptionalInt defaultScore = OptionalInt.empty();
    OptionalInt score = OptionalInt.empty();

    PathCandidate(ModelMetadata<?> model, IndexMetadata index, int position) {
        this.index = index;
        this.pk = index == null ? model.partitionKey() : index.partitionKey();
        this.sk = index == null ? model.sortKey() : index.sortKey();
        this.pks = index == null ? List.of(pk) : index.partitionKeys();
        this.sks = index == null ? sk.map(List::of).orElse(List.of()) : index.sortKeys();
        this.position = position;
    }

    /** The sort field the sort key operator applies to. */
    FieldMetadata skField() {
        return skBound != null ? skBound : sk.orElseThrow();
    }

    private static String names(List<FieldMetadata> fields) {
        return String.join(", ", fields.stream().map(FieldMetadata::name).toList());
    }

    String label() {
        return index == null ? "table" : index.name();
    }

    String kind() {
        return index == null ? "table" : index.global() ? "gsi" : "lsi";
    }

    int rank() {
        return (index == null ? 0 : index.global() ? 2000 : 1000) + position;
    }

    String keys() {
        if (pks.size() > 1 || sks.size() > 1) {
            return "(" + names(pks) + ")" + (sks.isEmpty() ? "" : " + (" + names(sks) + ")");
        }
        return pk.name() + sk.map(s -> " + " + s.name()).orElse("");
    }

    String binding() {
        StringBuilder out = new StringBuilder();
        out.append("partition key ").append(pks.size() > 1 ? names(pks) : pk.name()).append(" =");
        int sortEqualities = keyEqualities.size() - (pks.size() - 1);
        for (int i = 0; i < sortEqualities; i++) {
            out.append(i == 0 ? ", sort key " : ", ").append(sks.get(i).name()).append(" =");
        }
        if (skOperator != null) {
            out.append(sortEqualities == 0 ? ", sort key " : ", ")
                    .append(skField().name())
                    .append(' ')
                    .append(skOperator.symbol());
        }
        out.append(filters.isEmpty() ? "" : ", " + filters.size() + " filter condition(s)");
        if (!covers) {
            out.append(", fetches ").append(missing).append(" from the table");
        }
        return out.toString();
    }

    @Override
    public Optional<String> indexName() {
        return index == null ? Optional.empty() : Optional.of(index.name());
    }

    @Override
    public boolean global() {
        return index != null && index.global();
    }

    @Override
    public String partitionKey() {
        return pk.name();
    }

    @Override
    public Optional<String> sortKey() {
        return sk.map(FieldMetadata::name);
    }

    @Override
    public boolean partitionKeyBound() {
        return pkTerm != null;
    }

    @Override
    public Optional<Operator> sortKeyOperator() {
        return Optional.ofNullable(skOperator);
    }

    @Override
    public boolean coversProjection() {
        return covers;
    }

    @Override
    public int filterConditions() {
        return filters.size();
    }

    @Override
    public OptionalInt defaultScore() {
        return defaultScore;
    }

    @Override
    public String toString() {
        return label() + " (" + kind() + ")";
    }
}
