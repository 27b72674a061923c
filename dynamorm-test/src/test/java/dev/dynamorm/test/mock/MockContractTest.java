package dev.dynamorm.test.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.BatchOptions;
import dev.dynamorm.BatchWriterOptions;
import dev.dynamorm.Condition;
import dev.dynamorm.CreateTableOptions;
import dev.dynamorm.DynamORM;
import dev.dynamorm.Key;
import dev.dynamorm.Operator;
import dev.dynamorm.Query;
import dev.dynamorm.ReadTransaction;
import dev.dynamorm.ReturnValue;
import dev.dynamorm.SortOrder;
import dev.dynamorm.Table;
import dev.dynamorm.Transaction;
import dev.dynamorm.UpdateBuilder;
import dev.dynamorm.WriteOptions;
import dev.dynamorm.test.KitOrder;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every method of the API interfaces MockDB implements either works or says "not mocked": none
 * falls back to an interface default that throws a bare {@link UnsupportedOperationException}. A
 * new API method fails this test until MockDB handles it.
 */
final class MockContractTest {

    @Test
    void noApiMethodThrowsABareUnsupportedOperationException() throws Exception {
        MockDB db = MockDB.create();
        Table<KitOrder> table = db.table(KitOrder.class);
        Map<Class<?>, Object> implementations =
                Map.of(
                        DynamORM.class,
                        db,
                        Table.class,
                        table,
                        Query.class,
                        table.query(),
                        UpdateBuilder.class,
                        new MockUpdateBuilder(),
                        Transaction.class,
                        new MockTransaction(),
                        ReadTransaction.class,
                        new MockTransaction());
        List<String> bare = new ArrayList<>();
        for (Map.Entry<Class<?>, Object> e : implementations.entrySet()) {
            for (Method method : e.getKey().getMethods()) {
                if (Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                Object[] args = new Object[method.getParameterCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = dummy(method.getParameterTypes()[i]);
                }
                try {
                    method.invoke(e.getValue(), args);
                } catch (IllegalArgumentException mismatch) {
                    throw new AssertionError(
                            "cannot call " + method + " with " + java.util.Arrays.toString(args),
                            mismatch);
                } catch (InvocationTargetException thrown) {
                    Throwable cause = thrown.getCause();
                    if (cause instanceof UnsupportedOperationException
                            && (cause.getMessage() == null
                                    || !cause.getMessage().startsWith("not mocked: "))) {
                        bare.add(e.getKey().getSimpleName() + "." + method.getName());
                    }
                }
            }
        }
        assertThat(bare)
                .as(
                        "API methods MockDB leaves to a default that throws UnsupportedOperationException")
                .isEmpty();
    }

    private static Object dummy(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return Long.valueOf(1);
        }
        if (type == int.class) {
            return Integer.valueOf(1);
        }
        if (type == double.class) {
            return Double.valueOf(1);
        }
        if (type == String.class) {
            return "customerId";
        }
        if (type == Class.class) {
            return KitOrder.class;
        }
        if (type.isArray()) {
            return Array.newInstance(type.getComponentType(), 0);
        }
        if (type == java.util.Set.class) {
            return java.util.Set.of();
        }
        if (Collection.class.isAssignableFrom(type)) {
            return List.of();
        }
        if (type == Consumer.class) {
            return (Consumer<Object>) x -> {};
        }
        if (type == Key.class) {
            return Key.of("c", "o");
        }
        if (type == Condition.class) {
            return Condition.exists("status");
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
        if (type == CreateTableOptions.class) {
            return CreateTableOptions.onDemand();
        }
        if (type == Operator.class) {
            return Operator.EQ;
        }
        if (type == SortOrder.class) {
            return SortOrder.ASC;
        }
        if (type == ReturnValue.class) {
            return ReturnValue.NONE;
        }
        if (type == Object.class) {
            return MockDBTest.PAID;
        }
        return null;
    }
}
