package dev.dynamorm.engine.internal.query;

import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.engine.internal.expr.Slot;
import dev.dynamorm.engine.internal.expr.SlotValues;
import dev.dynamorm.engine.internal.expr.ValueBinder;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.SecretKey;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Binds a query's values to its compiled plan's slots (refusing empty key values), and fingerprints
 * and seals the cursors that continue it.
 *
 * @param <T> the model type
 */
final class QueryBinding<T> {

    private final TableAccess<T> access;
    private final ModelMetadata<T> model;

    QueryBinding(TableAccess<T> access) {
        this.access = access;
        this.model = access.model();
    }

    /** The fingerprint of this query bound to its values, which cursors carry and check. */
    byte[] fingerprint(CompiledPlan plan, Map<String, AttributeValue> values) {
        return CursorCodec.fingerprint(
                model.type(),
                access.tableName(),
                plan.shape(),
                plan.indexName(),
                !plan.forward(),
                values);
    }

    Map<String, AttributeValue> bind(CompiledPlan plan, List<Object> raw) {
        Operation op = plan.operation() == Operation.SCAN ? Operation.SCAN : Operation.QUERY;
        ValueBinder binder = access.values();
        Class<?> type = model.type();
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        SlotValues values = new SlotValues(binder, type, op);
        for (int k = 0; k < plan.slots().size(); k++) {
            Slot slot = plan.slots().get(k);
            AttributeValue av = values.bind(slot, raw.get(slot.valueIndex()));
            if (k < plan.keySlots() && ValueBinder.isEmptyKeyValue(av)) {
                throw new InvalidRequestException(
                        String.format(
                                Locale.ROOT,
                                "key field '%s' of model %s is compared with an empty value on %s:"
                                        + " DynamoDB refuses empty string and binary key values",
                                slot.javaPath(),
                                type.getName(),
                                plan.indexName() == null
                                        ? "the table"
                                        : "index '" + plan.indexName() + "'"),
                        op,
                        type,
                        null);
            }
            out.put(":v" + k, av);
        }
        return out;
    }

    String seal(String plainCursor) {
        SecretKey key = access.cursorKey();
        return key == null ? plainCursor : CursorSeal.seal(key, plainCursor);
    }

    String open(String cursor, Operation op) {
        SecretKey key = access.cursorKey();
        return key == null ? cursor : CursorSeal.open(key, cursor, model.type(), op);
    }
}
