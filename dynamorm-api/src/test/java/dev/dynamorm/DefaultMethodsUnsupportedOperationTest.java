package dev.dynamorm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Pins the evolution rule of the user-facing interfaces (STYLE.md, "Evolution"): a method added to
 * an interface users call is a {@code default} that throws {@link UnsupportedOperationException},
 * so implementations outside DynamORM (wrappers, test doubles) keep compiling and fail clearly only
 * when the new method is called. Defaults that are conveniences over other methods are listed in
 * {@link #CONVENIENCES} with the reason; every other default must throw.
 */
final class DefaultMethodsUnsupportedOperationTest {

    private static final List<Class<?>> INTERFACES =
            List.of(
                    DynamORM.class,
                    PluginAccess.class,
                    Table.class,
                    Query.class,
                    UpdateBuilder.class,
                    Transaction.class,
                    ReadTransaction.class,
                    BatchWriter.class,
                    AsyncDynamORM.class,
                    // the SPI the engine implements for generated schemas
                    dev.dynamorm.spi.schema.FieldReader.class);

    /**
     * Defaults that are legitimate conveniences: they only delegate to another method of the same
     * interface (which is abstract, or itself a default that throws), so an implementation gets
     * them for free.
     */
    private static final Map<String, String> CONVENIENCES =
            Map.ofEntries(
                    Map.entry(
                            "DynamORM.batchWriter()", "batchWriter(BatchWriterOptions.defaults())"),
                    Map.entry(
                            "AsyncDynamORM.batchWriter()",
                            "batchWriter(BatchWriterOptions.defaults())"),
                    Map.entry("AsyncDynamORM.table(Class)", "sync().table(modelType).async()"),
                    Map.entry("Table.create(Object)", "create(item, WriteOptions.defaults())"),
                    Map.entry("Table.put(Object)", "put(item, WriteOptions.defaults())"),
                    Map.entry(
                            "Table.update(Object,String[])",
                            "update(item, WriteOptions.defaults(), fields)"),
                    Map.entry(
                            "Table.updateChanged(Object,Object)",
                            "updateChanged(before, after, WriteOptions.defaults())"),
                    Map.entry("Table.delete(Object)", "delete(item, WriteOptions.defaults())"),
                    Map.entry("Table.delete(Key)", "delete(key, WriteOptions.defaults())"),
                    Map.entry(
                            "Table.batchGet(Collection)",
                            "batchGet(keys, BatchOptions.defaults())"),
                    Map.entry(
                            "Table.batchPut(Collection)",
                            "batchWrite(items, List.of(), BatchOptions.defaults())"),
                    Map.entry(
                            "Table.batchDelete(Collection)",
                            "batchWrite(List.of(), keys, BatchOptions.defaults())"),
                    Map.entry("Table.scan()", "query().scan()"),
                    Map.entry("Table.createTable()", "createTable(CreateTableOptions.onDemand())"),
                    Map.entry("UpdateBuilder.increment(String)", "increment(field, 1)"),
                    Map.entry("UpdateBuilder.decrement(String)", "decrement(field, 1)"),
                    Map.entry(
                            "UpdateBuilder.when(String,String,Object)",
                            "when(Condition.when(field, operator, value))"),
                    Map.entry("UpdateBuilder.whenExists(String)", "when(Condition.exists(field))"),
                    Map.entry(
                            "UpdateBuilder.whenNotExists(String)",
                            "when(Condition.notExists(field))"),
                    Map.entry(
                            "UpdateBuilder.or(String,String,Object)",
                            "or(Condition.when(field, operator, value))"),
                    // typed field references: the string-name method with the path
                    Map.entry(
                            "Query.where(FieldRef,String,Object)",
                            "where(field.path(), operator, value)"),
                    Map.entry(
                            "Query.where(FieldRef,Operator,Object)",
                            "where(field.path(), operator, value)"),
                    Map.entry(
                            "Query.filter(FieldRef,String,Object)",
                            "filter(field.path(), operator, value)"),
                    Map.entry(
                            "Query.or(FieldRef,String,Object)",
                            "or(field.path(), operator, value)"),
                    Map.entry("Query.select(List)", "select(paths...)"),
                    Map.entry("Query.orderBy(FieldRef,SortOrder)", "orderBy(field.path(), order)"),
                    Map.entry(
                            "Table.where(FieldRef,String,Object)",
                            "where(field.path(), operator, value)"),
                    Map.entry("UpdateBuilder.set(FieldRef,Object)", "set(field.path(), value)"),
                    Map.entry(
                            "UpdateBuilder.setIfNotExists(FieldRef,Object)",
                            "setIfNotExists(field.path(), value)"),
                    Map.entry(
                            "UpdateBuilder.increment(FieldRef,Number)",
                            "increment(field.path(), amount)"),
                    Map.entry(
                            "UpdateBuilder.decrement(FieldRef,Number)",
                            "decrement(field.path(), amount)"),
                    Map.entry("UpdateBuilder.remove(FieldRef)", "remove(field.path())"),
                    Map.entry(
                            "UpdateBuilder.when(FieldRef,String,Object)",
                            "when(field.path(), operator, value)"),
                    Map.entry("UpdateBuilder.add(FieldRef,Number)", "add(field.path(), amount)"),
                    Map.entry("UpdateBuilder.add(FieldRef,Set)", "add(field.path(), members)"),
                    Map.entry(
                            "UpdateBuilder.delete(FieldRef,Set)", "delete(field.path(), members)"),
                    Map.entry(
                            "UpdateBuilder.appendToList(FieldRef,List)",
                            "appendToList(field.path(), values)"),
                    Map.entry(
                            "UpdateBuilder.prependToList(FieldRef,List)",
                            "prependToList(field.path(), values)"),
                    Map.entry(
                            "UpdateBuilder.removeFromList(FieldRef,int)",
                            "removeFromList(field.path(), index)"),
                    Map.entry(
                            "UpdateBuilder.setListElement(FieldRef,int,Object)",
                            "setListElement(field.path(), index, value)"),
                    Map.entry("UpdateBuilder.whenExists(FieldRef)", "whenExists(field.path())"),
                    Map.entry(
                            "UpdateBuilder.whenNotExists(FieldRef)", "whenNotExists(field.path())"),
                    Map.entry(
                            "UpdateBuilder.or(FieldRef,String,Object)",
                            "or(field.path(), operator, value)"),
                    Map.entry("Transaction.put(Object)", "put(item, null)"),
                    Map.entry("Transaction.delete(Object)", "delete(item, null)"));

    /** Thrown by the minimal implementation when a default reaches an abstract method. */
    private static final class AbstractCalled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AbstractCalled(Method m) {
            super(signature(m), null, false, false);
        }
    }

    @Test
    void everyExtensionDefault_throwsUnsupportedOperation_whenNotOverridden() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Class<?> type : INTERFACES) {
            Object minimal = minimal(type);
            for (Method m : defaults(type)) {
                String signature = signature(m);
                Throwable thrown = invoke(minimal, m);
                if (CONVENIENCES.containsKey(signature)) {
                    // a convenience reaches another method: an abstract one, or a default that
                    // throws
                    assertThat(thrown)
                            .as(signature + " delegates")
                            .isNotNull()
                            .isInstanceOfAny(
                                    AbstractCalled.class, UnsupportedOperationException.class);
                } else {
                    assertThat(thrown)
                            .as(
                                    signature
                                            + " is an extension point and must throw "
                                            + "UnsupportedOperationException when not overridden (or be listed as a convenience "
                                            + "with the reason)")
                            .isInstanceOf(UnsupportedOperationException.class);
                }
                checked.add(signature);
            }
        }
        assertThat(checked)
                .as("defaults checked")
                .hasSizeGreaterThan(CONVENIENCES.size())
                .contains(
                        "FieldReader.plainFields()",
                        "Table.updateChanged(Object,Object,WriteOptions)",
                        "DynamORM.transaction(Consumer)",
                        "AsyncDynamORM.batchWriter(BatchWriterOptions)");
    }

    @Test
    void everyListedConvenience_isStillADefaultMethod() {
        Map<String, Method> all = new TreeMap<>();
        for (Class<?> type : INTERFACES) {
            defaults(type).forEach(m -> all.put(signature(m), m));
        }
        assertThat(all.keySet()).containsAll(CONVENIENCES.keySet());
    }

    @Test
    void minimalImplementation_reportsAbstractCalls() {
        Table<?> table = (Table<?>) minimal(Table.class);
        assertThatThrownBy(table::tableName)
                .isInstanceOf(AbstractCalled.class)
                .hasMessage("Table.tableName()");
    }

    // ---- helpers ----

    private static List<Method> defaults(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(Method::isDefault)
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic())
                .sorted((a, b) -> signature(a).compareTo(signature(b)))
                .collect(Collectors.toList());
    }

    /** An implementation with only the abstract methods, each throwing {@link AbstractCalled}. */
    private static Object minimal(Class<?> type) {
        InvocationHandler handler =
                (proxy, method, args) -> {
                    if (method.isDefault()) {
                        return InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "minimal " + type.getSimpleName();
                        };
                    }
                    throw new AbstractCalled(method);
                };
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Throwable invoke(Object target, Method m) throws IllegalAccessException {
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            // (field, operator, value) signatures: the second string is an operator
            args[i] = i == 1 && types[i] == String.class ? "=" : sample(types[i]);
        }
        try {
            m.invoke(target, args);
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        } catch (IllegalArgumentException e) {
            fail("cannot call " + signature(m) + " with " + Arrays.toString(args), e);
            return null;
        }
    }

    private static Object sample(Class<?> type) {
        if (type == String.class || type == Object.class) {
            return "x";
        }
        if (type == String[].class) {
            return new String[0];
        }
        if (type == int.class) {
            return 1;
        }
        if (type == long.class) {
            return 1L;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == Number.class) {
            return 1;
        }
        if (type == Consumer.class) {
            return (Consumer<Object>) x -> {};
        }
        if (type == Collection.class || type == List.class) {
            return List.of();
        }
        if (type == Key.class) {
            return Key.of("x");
        }
        if (type == WriteOptions.class) {
            return WriteOptions.defaults();
        }
        if (type == BatchOptions.class) {
            return BatchOptions.defaults();
        }
        if (type == BatchWriterOptions.class) {
            return BatchWriterOptions.defaults();
        }
        if (type == Class.class) {
            return Object.class;
        }
        if (type == FieldRef.class) {
            return FieldRef.of("x");
        }
        return null;
    }

    private static String signature(Method m) {
        return m.getDeclaringClass().getSimpleName()
                + "."
                + m.getName()
                + "("
                + Arrays.stream(m.getParameterTypes())
                        .map(Class::getSimpleName)
                        .collect(Collectors.joining(","))
                + ")";
    }
}
