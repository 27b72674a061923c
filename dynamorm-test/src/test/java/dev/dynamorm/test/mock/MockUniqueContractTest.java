package dev.dynamorm.test.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Key;
import dev.dynamorm.ReturnValue;
import dev.dynamorm.Table;
import dev.dynamorm.WriteOptions;
import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;
import dev.dynamorm.test.KitShop;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * MockDB against the engine (on the embedded backend) for single-table models: the same calls give
 * the same keys, the same {@code @Unique} clashes and refusals with the same messages (the engine's
 * table name carries the test's prefix, MockDB's does not).
 */
@DynamoBackend(value = Backend.EMBEDDED, models = KitShop.class)
final class MockUniqueContractTest {

    private static final KitShop.Customer ADA = new KitShop.Customer("c1", "Ada", "ada@x.org");
    private static final KitShop.Customer EVE = new KitShop.Customer("c2", "Eve", "ada@x.org");

    /** What a call did: its exception's class and message (prefix removed), or "ok". */
    private static String outcome(Runnable call, String tableName) {
        try {
            call.run();
            return "ok";
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName()
                    + ": "
                    + String.valueOf(e.getMessage()).replace(tableName, "kit-shop");
        }
    }

    /** The outcomes of one scenario on a DynamORM. */
    private static List<String> scenario(DynamORM db) {
        Table<KitShop.Customer> customers = db.table(KitShop.Customer.class);
        String t = customers.tableName();
        Function<Runnable, String> run = call -> outcome(call, t);
        return List.of(
                run.apply(() -> customers.create(ADA)),
                run.apply(() -> customers.create(EVE)),
                run.apply(() -> db.transaction(tx -> tx.create(EVE))),
                run.apply(() -> customers.batchPut(List.of(EVE))),
                run.apply(
                        () ->
                                customers.put(
                                        EVE,
                                        WriteOptions.builder()
                                                .returnValue(ReturnValue.ALL_OLD)
                                                .build())),
                run.apply(() -> customers.update(ADA, u -> u.add("email", "x"))),
                run.apply(() -> customers.update(ADA, u -> u.set("email", "ada2@x.org"))),
                run.apply(() -> customers.create(EVE)),
                run.apply(() -> customers.update(EVE, u -> u.set("email", "ada2@x.org"))),
                run.apply(() -> customers.delete(Key.of("CUSTOMER#c1", "PROFILE"))),
                run.apply(() -> customers.update(EVE, u -> u.set("email", "ada2@x.org"))),
                String.valueOf(
                        db.table(KitShop.Order.class)
                                .keyOf(new KitShop.Order("c#1", "o1", "NEW", Instant.EPOCH, 1))));
    }

    @Test
    void uniqueValuesAndTemplatedKeysBehaveAsInTheEngine(DynamORM engine) {
        MockDB mock = MockDB.create();
        Table<KitShop.Customer> customers = mock.table(KitShop.Customer.class);
        // every write the scenario makes is programmed to succeed: what fails is MockDB's checks
        mock.expect(customers).create(ADA).succeeds().anyTimes();
        mock.expect(customers).create(EVE).succeeds().anyTimes();
        mock.expectTransaction(tx -> tx.create(EVE)).succeeds().anyTimes();
        mock.expect(customers).update(ADA, u -> u.set("email", "ada2@x.org")).succeeds();
        mock.expect(customers).update(EVE, u -> u.set("email", "ada2@x.org")).succeeds().anyTimes();
        mock.expect(customers).delete(Key.of("CUSTOMER#c1", "PROFILE")).succeeds();

        List<String> expected = scenario(engine);

        assertThat(scenario(mock)).containsExactlyElementsOf(expected);
        assertThat(expected.get(1)).startsWith("UniqueConstraintException: create of model");
        assertThat(expected.get(10)).isEqualTo("ok");
    }
}
