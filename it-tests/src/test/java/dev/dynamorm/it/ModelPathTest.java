package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynamorm.DynamORM;
import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.it.model.Account;
import dev.dynamorm.it.model.AllTypes;
import dev.dynamorm.it.model.Customer;
import dev.dynamorm.it.model.Gadget;
import dev.dynamorm.it.model.Hostile;
import dev.dynamorm.it.model.Order;
import dev.dynamorm.it.model.Profile;
import dev.dynamorm.it.model.Reading;
import dev.dynamorm.it.model.Session;
import dev.dynamorm.it.model.Shipment;
import dev.dynamorm.local.LocalDynamoDb;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which path the suites' models take in this test run. The build runs the ORM suites twice: on the
 * schemas {@code dynamorm-processor} generated for {@code dev.dynamorm.it.model} (system property
 * {@code dynamorm.it.models=generated}), and on a copy of the test classes without their service
 * entry, where every model is read by reflection ({@code reflective}). {@code
 * requireGeneratedModels(true)} tells the two apart.
 */
final class ModelPathTest {

    private static final List<Class<?>> MODELS =
            List.of(
                    Account.class,
                    AllTypes.class,
                    Customer.class,
                    Gadget.class,
                    Hostile.class,
                    Order.class,
                    Profile.class,
                    Reading.class,
                    Session.class,
                    Shipment.class);

    private static final String PATH = System.getProperty("dynamorm.it.models", "");

    private static LocalDynamoDb local;

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    private static DynamORM strict() {
        return DynamORM.builder().client(local.client()).requireGeneratedModels(true).build();
    }

    @Test
    void generatedRun_everyModelHasAGeneratedSchema() {
        assumeTrue(PATH.equals("generated"), "this run reads models by " + PATH);
        try (DynamORM db = strict()) {
            for (Class<?> model : MODELS) {
                assertThat(db.table(model).tableName()).as(model.getName()).isNotEmpty();
            }
        }
    }

    @Test
    void reflectiveRun_noModelHasAGeneratedSchema() {
        assumeTrue(PATH.equals("reflective"), "this run uses generated schemas");
        try (DynamORM db = strict()) {
            for (Class<?> model : MODELS) {
                assertThatThrownBy(() -> db.table(model))
                        .as(model.getName())
                        .isInstanceOf(ModelDefinitionException.class)
                        .hasMessageStartingWith(
                                "model "
                                        + model.getName()
                                        + " has no generated schema and requireGeneratedModels(true)"
                                        + " forbids reading it by reflection");
            }
        }
    }

    @Test
    void runDeclaresItsPath() {
        assertThat(PATH).as("system property dynamorm.it.models").isIn("generated", "reflective");
    }
}
