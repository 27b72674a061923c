package dev.dynamorm.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.test.fixtures.Fixture;
import dev.dynamorm.test.fixtures.FixtureException;
import dev.dynamorm.test.fixtures.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A fixture that cannot be loaded fails with a {@link FixtureException} naming the file and the
 * line and column of the problem, and writes nothing.
 */
@DynamoBackend(
        value = Backend.EMBEDDED,
        models = {KitOrder.class, KitCustomer.class})
final class FixtureErrorsTest {

    private static final String DIR = "dev/dynamorm/test/fixtures/";

    @BeforeAll
    static void createRawTable(BackendContext backend) {
        backend.createTable(FixturesSuite.EVENTS);
    }

    private static FixtureException failure(Fixtures fixtures, String name) {
        return (FixtureException)
                org.assertj.core.api.Assertions.catchThrowable(() -> fixtures.load(name));
    }

    @Test
    void load_missingResource_namesWhereToPutIt(Fixtures fixtures) {
        assertThatThrownBy(() -> fixtures.load("fixtures/nope.json"))
                .isInstanceOf(FixtureException.class)
                .hasMessage(
                        DIR
                                + "nope.json: fixture not found on the class path: put it under src/test/resources/"
                                + DIR
                                + "nope.json, or start the name with '/' for a resource at the class path root");
    }

    @Test
    void load_missingFile_namesTheWorkingDirectory(DynamORM db) {
        assertThatThrownBy(() -> Fixtures.of(db).load(Path.of("no/such/file.json")))
                .isInstanceOf(FixtureException.class)
                .hasMessageStartingWith(
                        "no/such/file.json: fixture file not found (working directory ");
    }

    @Test
    void load_jsonSyntaxError_givesLineAndColumn(Fixtures fixtures) {
        FixtureException e = failure(fixtures, "fixtures/bad-syntax.json");
        assertThat(e)
                .hasMessage(
                        DIR
                                + "bad-syntax.json:4:5: invalid JSON: unexpected '{': expected ',' or ']' in"
                                + " the list starting at line 2");
        assertThat(e.file()).isEqualTo(DIR + "bad-syntax.json");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(5);
    }

    @Test
    void load_yamlSyntaxError_givesLineAndColumn(Fixtures fixtures) {
        FixtureException e = failure(fixtures, "fixtures/bad-syntax.yaml");
        assertThat(e.getMessage()).startsWith(DIR + "bad-syntax.yaml:4:4: invalid YAML: ");
        assertThat(e.line()).isEqualTo(4);
    }

    @Test
    void load_unknownField_suggestsTheNearestField(Fixtures fixtures) {
        assertThatThrownBy(() -> fixtures.load("fixtures/unknown-field.json"))
                .hasMessage(
                        DIR
                                + "unknown-field.json:4:6: unknown field 'totlCents' of KitOrder (fields: customerId,"
                                + " orderId, status, createdAt, totalCents, items, shipTo): did you mean 'totalCents'?");
    }

    @Test
    void load_wrongType_namesTheFieldItsTypeAndTheValue(Fixtures fixtures) {
        assertThatThrownBy(() -> fixtures.load("fixtures/wrong-type.yaml"))
                .hasMessage(
                        DIR
                                + "wrong-type.yaml:4:17: field 'totalCents' of KitOrder is a long: got the string"
                                + " \"lots\"; write the number without quotes");
    }

    @Test
    void load_numberForAString_saysToQuoteIt(Fixtures fixtures) {
        assertThatThrownBy(() -> fixtures.load("fixtures/number-for-string.yaml"))
                .hasMessage(
                        DIR
                                + "number-for-string.yaml:3:14: field 'orderId' of KitOrder is a String: got the"
                                + " number 42; quote it to make it a string");
    }

    @Test
    void load_unknownEnumConstant_listsTheConstantsAndWritesNothing(
            Fixtures fixtures, DynamORM db) {
        assertThatThrownBy(() -> fixtures.load("fixtures/second-item-bad.json"))
                .hasMessage(
                        DIR
                                + "second-item-bad.json:4:55: field 'status' of KitOrder is the enum Status: the"
                                + " string \"LOST\" is none of [NEW, PAID, SHIPPED]");
        assertThat(db.table(KitOrder.class).where("customerId", "=", "c-9").all())
                .as("the valid first item was not written")
                .isEmpty();
    }

    @Test
    void load_unknownTarget_isNeitherModelNorTable(Fixtures fixtures, BackendContext backend) {
        assertThatThrownBy(() -> fixtures.load("fixtures/unknown-target.json"))
                .hasMessage(
                        DIR
                                + "unknown-target.json:2:3: 'KitOrdr' is neither a model of this test [KitOrder,"
                                + " KitCustomer] nor an existing table (no table '"
                                + backend.tableName("KitOrdr")
                                + "'): did you mean KitOrder?; name models in @DynamoBackend(models = ...) or"
                                + " Fixtures.withModels(...)");
    }

    @Test
    void load_rawValueOfTheWrongType_isReportedAndNothingIsWritten(
            Fixtures fixtures, DynamoDbClient client, BackendContext backend) {
        assertThatThrownBy(() -> fixtures.load("fixtures/raw-wrong-type.json"))
                .hasMessage(
                        DIR
                                + "raw-wrong-type.json:4:18: attribute 'pk' of type S needs a string, got the number 5");
        assertThat(client.scan(r -> r.tableName(backend.tableName("events"))).count()).isZero();
    }

    @Test
    void load_duplicateKey_namesBothLines(Fixtures fixtures) {
        assertThatThrownBy(() -> fixtures.load("fixtures/duplicate-key.json"))
                .hasMessage(
                        DIR
                                + "duplicate-key.json:4:5: a second KitOrder with the key Key[c-1, o-1] (the first is"
                                + " at line 3): each item of a fixture needs its own key");
    }

    @Test
    void load_missingKeyField_isReportedAtTheItem(Fixtures fixtures) {
        assertThatThrownBy(() -> fixtures.load("fixtures/missing-key.json"))
                .isInstanceOf(FixtureException.class)
                .hasMessageStartingWith(
                        DIR + "missing-key.json:3:5: this KitOrder has no complete key: ");
    }

    @Test
    void load_itemsNotInAList_isReported(Fixtures fixtures) {
        assertThatThrownBy(() -> fixtures.load("fixtures/not-a-list.json"))
                .hasMessage(
                        DIR
                                + "not-a-list.json:2:15: the items of 'KitOrder' must be a list, got an object");
    }

    @Test
    void load_unknownFormat_namesTheExtensions(Fixtures fixtures) {
        assertThatThrownBy(() -> fixtures.load("fixtures/notes.txt"))
                .hasMessage(
                        DIR
                                + "notes.txt: unknown fixture format: name the file *.json, *.yaml or *.yml");
    }

    @Test
    void fixtureAnnotation_onAClass_failsTheClassWithFileAndLine() {
        EngineExecutionResults results = KitRuns.run(BadClassFixture.class);

        assertThat(KitRuns.messages(results.containerEvents().failed().list()))
                .singleElement()
                .asString()
                .isEqualTo(
                        "FixtureException: "
                                + DIR
                                + "unknown-field.json:4:6: unknown field 'totlCents' of"
                                + " KitOrder (fields: customerId, orderId, status, createdAt, totalCents, items, shipTo):"
                                + " did you mean 'totalCents'?");
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    @Test
    void fixtureAnnotation_onATest_failsThatTestWithFileAndLine() {
        EngineExecutionResults results = KitRuns.run(BadMethodFixture.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        assertThat(KitRuns.messages(results.testEvents().failed().list()))
                .singleElement()
                .asString()
                .startsWith(
                        "FixtureException: "
                                + DIR
                                + "wrong-type.yaml:4:17: field 'totalCents' of KitOrder");
    }

    @DynamoBackend(value = Backend.EMBEDDED, models = KitOrder.class)
    @Fixture("fixtures/unknown-field.json")
    static class BadClassFixture {
        @Test
        void neverRuns() {
            throw new AssertionError("the class must fail before its tests");
        }
    }

    @DynamoBackend(value = Backend.EMBEDDED, models = KitOrder.class)
    static class BadMethodFixture {
        @Test
        @Fixture("fixtures/wrong-type.yaml")
        void fails() {
            throw new AssertionError("the fixture must fail first");
        }

        @Test
        void otherTestsRun(DynamORM db) {
            assertThat(db.table(KitOrder.class).scan()).isEmpty();
        }
    }
}
