package dev.dynamorm.plugin.validation.internal;

import dev.dynamorm.Hook;
import dev.dynamorm.HookContext;
import dev.dynamorm.ItemContext;
import dev.dynamorm.ItemRef;
import dev.dynamorm.ModelInfo;
import dev.dynamorm.Operation;
import dev.dynamorm.PluginContext;
import dev.dynamorm.Table;
import dev.dynamorm.plugin.validation.ConstraintViolationsException;
import dev.dynamorm.plugin.validation.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Validates what a write is about to store, before it is sent:
 *
 * <ul>
 *   <li>a whole item (create, put, batch put, transaction put) in {@link #beforeWrite}: every
 *       constraint of the model, class-level ones included;
 *   <li>the values an update sets by plain assignment to a top-level field ({@code set}, the chosen
 *       fields of an update from an instance) in {@link #before}: the constraints of those fields
 *       only, since the rest of the item is not known; values set on {@code @Encrypted} fields are
 *       validated in {@link #beforeWrite}, where they are still plain.
 * </ul>
 *
 * The item is mapped to its model with {@link Table#fromItem} and validated with {@link
 * Validator#validate} or {@link Validator#validateProperty}.
 */
final class ValidationHook implements Hook {

    /** The operations whose {@code beforeWrite} item is a whole item to validate. */
    private static final Set<Operation> WHOLE =
            EnumSet.of(Operation.CREATE, Operation.PUT, Operation.BATCH_WRITE);

    private final Validator validator;
    private final Class<?>[] groups;
    private final PluginContext context;
    private final ConcurrentMap<Class<?>, Boolean> constrained = new ConcurrentHashMap<>();
    private final ConcurrentMap<Class<?>, Table<?>> tables = new ConcurrentHashMap<>();

    ValidationHook(Validator validator, List<Class<?>> groups, PluginContext context) {
        this.validator = validator;
        this.groups = groups.toArray(new Class<?>[0]);
        this.context = context;
    }

    @Override
    public Map<String, AttributeValue> beforeWrite(
            ItemContext item, Map<String, AttributeValue> attributes) {
        ModelInfo model = item.model().orElse(null);
        if (model == null || !constrained(model.type())) {
            return attributes;
        }
        if (item.partial()) {
            // the plain values an update sets on @Encrypted fields
            validateFields(item.operation(), model, item.key(), attributes, true);
        } else if (WHOLE.contains(item.operation())) {
            Object instance = table(model.type()).fromItem(attributes);
            fail(item.operation(), model, item.key(), validator.validate(instance, groups));
        }
        return attributes;
    }

    @Override
    public void before(HookContext event) {
        if (event.operation() != Operation.UPDATE
                && event.operation() != Operation.TRANSACT_WRITE) {
            return;
        }
        for (ItemRef ref : event.items()) {
            if (ref.action() != ItemRef.Action.UPDATE || ref.item().isEmpty()) {
                continue;
            }
            Optional<ModelInfo> model =
                    ref.modelType().flatMap(context::model).or(() -> event.model());
            if (model.isPresent() && constrained(model.get().type())) {
                validateFields(event.operation(), model.get(), ref.key(), ref.item().get(), false);
            }
        }
    }

    /**
     * Validates the constraints of the top-level fields whose attributes are given, on an instance
     * mapped from those attributes and the key.
     *
     * @param encrypted whether the attributes are those of {@code @Encrypted} fields (else these
     *     are skipped: their values are ciphertext by now)
     */
    private void validateFields(
            Operation op,
            ModelInfo model,
            Map<String, AttributeValue> key,
            Map<String, AttributeValue> values,
            boolean encrypted) {
        Map<String, AttributeValue> partial = new HashMap<>(values);
        key.forEach(partial::putIfAbsent);
        Set<String> fields = new LinkedHashSet<>();
        model.attributeNames()
                .forEach(
                        (field, attribute) -> {
                            if (values.containsKey(attribute)
                                    && !key.containsKey(attribute)
                                    && (encrypted
                                            || !model.encryptedAttributes().contains(attribute))) {
                                fields.add(field);
                            }
                        });
        if (fields.isEmpty()) {
            return;
        }
        Object instance = table(model.type()).fromItem(partial);
        Set<ConstraintViolation<Object>> violations = new LinkedHashSet<>();
        for (String field : fields) {
            violations.addAll(validator.validateProperty(instance, field, groups));
        }
        fail(op, model, key, violations);
    }

    private void fail(
            Operation op,
            ModelInfo model,
            Map<String, AttributeValue> key,
            Set<ConstraintViolation<Object>> violations) {
        if (violations.isEmpty()) {
            return;
        }
        List<Violation> list = new ArrayList<>();
        for (ConstraintViolation<Object> v : violations) {
            list.add(
                    new Violation(
                            v.getPropertyPath().toString(),
                            v.getMessage(),
                            v.getConstraintDescriptor()
                                    .getAnnotation()
                                    .annotationType()
                                    .getSimpleName()));
        }
        list.sort(Comparator.comparing(Violation::path).thenComparing(Violation::constraint));
        throw new ConstraintViolationsException(op, model.type(), describe(key), list);
    }

    private static String describe(Map<String, AttributeValue> key) {
        StringJoiner j = new StringJoiner(", ");
        key.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> j.add(e.getKey() + "=" + scalar(e.getValue())));
        return j.toString();
    }

    private static String scalar(AttributeValue v) {
        if (v.s() != null) {
            return v.s();
        }
        if (v.n() != null) {
            return v.n();
        }
        return v.type().name();
    }

    private boolean constrained(Class<?> type) {
        return constrained.computeIfAbsent(
                type, t -> validator.getConstraintsForClass(t).isBeanConstrained());
    }

    private Table<?> table(Class<?> type) {
        return tables.computeIfAbsent(type, t -> context.dynamorm().table(t));
    }
}
