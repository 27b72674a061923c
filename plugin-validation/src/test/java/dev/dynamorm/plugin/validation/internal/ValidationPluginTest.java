package dev.dynamorm.plugin.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Key;
import dev.dynamorm.Operation;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.plugin.validation.ConstraintViolationsException;
import dev.dynamorm.plugin.validation.ValidationConfig;
import dev.dynamorm.plugin.validation.Violation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bean Validation of every write path against the embedded engine, before anything is sent. */
final class ValidationPluginTest {

    /** A validation group for {@link ValidationConfig#groups()}. */
    interface Strict {}

    public record Address(@NotBlank String city) {}

    @DynamoTable("customers")
    public record Customer(
            @PartitionKey String id,
            @NotBlank String name,
            @Email String email,
            @Min(0) int age,
            @Size(max = 2) List<String> tags,
            @Valid Address address,
            @NotNull(groups = Strict.class) String note) {}

    @DynamoTable("plain")
    public record Plain(@PartitionKey String id, String name) {}

    private static LocalDynamoDb local;
    private DynamORM db;
    private Table<Customer> customers;

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @BeforeEach
    void open() {
        db = open(ValidationConfig.defaults());
        customers = db.table(Customer.class);
        customers.createTableIfMissing();
    }

    private static DynamORM open(ValidationConfig config) {
        return DynamORM.builder()
                .client(local.client())
                .tableNamePrefix("v" + UUID.randomUUID().toString().substring(0, 8) + "_")
                .pluginConfig(config)
                .build();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Customer valid(String id) {
        return new Customer(
                id, "Ann", "ann@example.com", 30, List.of("a"), new Address("Oslo"), null);
    }

    private int stored() {
        return local.client().scan(r -> r.tableName(customers.tableName())).count();
    }

    @Test
    void plugin_isDiscoveredAndNamed() {
        assertThat(db.plugins()).contains("validation");
    }

    @Test
    void create_withViolations_failsWithEveryViolationAndItsPath_nothingSent() {
        Customer bad =
                new Customer(
                        "c1",
                        " ",
                        "not-an-email",
                        -1,
                        List.of("a", "b", "c"),
                        new Address(""),
                        null);
        assertThatThrownBy(() -> customers.create(bad))
                .isInstanceOf(ConstraintViolationsException.class)
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith(
                        "create of "
                                + Customer.class.getName()
                                + " (id=c1) breaks 5 constraints, nothing was sent: ")
                .hasMessageContaining("address.city: must not be blank (@NotBlank)")
                .hasMessageContaining("email: must be a well-formed email address (@Email)")
                .satisfies(
                        e -> {
                            ConstraintViolationsException x = (ConstraintViolationsException) e;
                            assertThat(x.violations())
                                    .extracting(Violation::path)
                                    .containsExactly(
                                            "address.city", "age", "email", "name", "tags");
                            assertThat(x.violations())
                                    .extracting(Violation::constraint)
                                    .containsExactly(
                                            "NotBlank", "Min", "Email", "NotBlank", "Size");
                            assertThat(x.operation()).contains(Operation.CREATE);
                        });
        assertThat(stored()).isZero();
    }

    @Test
    void validItems_areWritten_byEveryPath() {
        customers.create(valid("c1"));
        customers.put(valid("c2"));
        customers.batchPut(List.of(valid("c3"), valid("c4")));
        db.transaction(tx -> tx.put(valid("c5"), null));
        customers.where("id", "=", "c1").update(u -> u.set("name", "Bea").set("age", 4));
        assertThat(stored()).isEqualTo(5);
        assertThat(customers.get("c1").orElseThrow().name()).isEqualTo("Bea");
    }

    @Test
    void put_batchPut_andTransaction_withOneBadItem_sendNothing() {
        Customer bad = new Customer("b", "", "b@example.com", 1, List.of(), new Address("x"), null);
        assertThatThrownBy(() -> customers.put(bad))
                .isInstanceOf(ConstraintViolationsException.class)
                .hasMessage(
                        "put of "
                                + Customer.class.getName()
                                + " (id=b) breaks 1 constraint, nothing was sent: "
                                + "name: must not be blank (@NotBlank)");
        assertThatThrownBy(() -> customers.batchPut(List.of(valid("b1"), bad, valid("b2"))))
                .isInstanceOf(ConstraintViolationsException.class)
                .hasMessageContaining("name: must not be blank (@NotBlank)");
        assertThatThrownBy(() -> db.transaction(tx -> tx.create(valid("t1")).put(bad, null)))
                .isInstanceOf(ConstraintViolationsException.class)
                .hasMessageContaining("name: must not be blank (@NotBlank)");
        assertThat(stored()).isZero();
    }

    @Test
    void updateValues_areValidatedAgainstTheirFieldsConstraints() {
        customers.create(valid("u1"));
        assertThatThrownBy(
                        () ->
                                customers
                                        .where("id", "=", "u1")
                                        .update(u -> u.set("name", "").set("age", -3)))
                .isInstanceOf(ConstraintViolationsException.class)
                .hasMessage(
                        "update of "
                                + Customer.class.getName()
                                + " (id=u1) breaks 2 constraints, nothing was sent: "
                                + "age: must be greater than or equal to 0 (@Min); name: must not be blank (@NotBlank)");
        assertThatThrownBy(() -> customers.update(valid("u1"), u -> u.set("email", "nope")))
                .isInstanceOf(ConstraintViolationsException.class)
                .hasMessageContaining("email: must be a well-formed email address (@Email)");
        Customer blankName =
                new Customer("u1", "", "ann@example.com", 30, List.of(), new Address("Oslo"), null);
        assertThatThrownBy(() -> customers.update(blankName, "name"))
                .isInstanceOf(ConstraintViolationsException.class)
                .hasMessageContaining("name: must not be blank (@NotBlank)");
        // an update of other fields does not validate the fields it leaves alone
        customers.update(blankName, "age");
        assertThatThrownBy(
                        () ->
                                db.transaction(
                                        tx ->
                                                tx.update(
                                                        Customer.class,
                                                        Key.of("u1"),
                                                        u ->
                                                                u.set(
                                                                        "tags",
                                                                        List.of("1", "2", "3")))))
                .isInstanceOf(ConstraintViolationsException.class)
                .hasMessageContaining("tags: size must be between 0 and 2 (@Size)");
        assertThat(customers.get("u1").orElseThrow().name()).isEqualTo("Ann");
    }

    @Test
    void groups_chooseTheConstraints() {
        try (DynamORM strict = open(ValidationConfig.builder().groups(Strict.class).build())) {
            Table<Customer> t = strict.table(Customer.class);
            t.createTableIfMissing();
            assertThatThrownBy(() -> t.put(valid("g1")))
                    .isInstanceOf(ConstraintViolationsException.class)
                    .hasMessageContaining("note: must not be null (@NotNull)");
            // Default-group constraints are not checked in the Strict group
            t.put(new Customer("g2", "", "x", -1, List.of(), null, "n"));
            assertThat(t.get("g2")).isPresent();
        }
    }

    @Test
    void modelsWithoutConstraints_areWrittenAsIs() {
        Table<Plain> plain = db.table(Plain.class);
        plain.createTableIfMissing();
        plain.put(new Plain("p", ""));
        assertThat(plain.get("p")).isPresent();
    }
}
