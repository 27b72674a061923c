package dev.dynamorm.engine.internal.query;

import dev.dynamorm.Condition;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import java.util.Set;

/**
 * One term of a query with its resolved paths.
 *
 * @param index the term's position in the query
 * @param term the term
 * @param valueBase the slot of the term's first value
 * @param attributes the top-level attributes the term reads
 * @param keyField the field compared when the term could bind a key, else null
 * @param keyComparison the comparison when the term could bind a key, else null
 */
record TermInfo(
        int index,
        Term term,
        int valueBase,
        Set<String> attributes,
        FieldMetadata keyField,
        Condition.Comparison keyComparison) {}
