/**
 * The DynamORM test kit: a JUnit 5 extension that runs test classes (or single tests) against
 * DynamoDB-compatible backends (embedded, dynoxide, dynalite, LocalStack, or an endpoint you run),
 * fixtures loaded from JSON or YAML, AssertJ assertions on query plans and on the requests sent,
 * and {@code MockDB} for unit tests without any server.
 *
 * <p>The embedded ({@code dev.dynamorm.local}) and LocalStack (Testcontainers) backends are
 * optional and reached reflectively, so the kit needs neither at compile or run time: without them
 * those backends report themselves unavailable. On the module path, resolve them with {@code
 * --add-modules} when you want them (Testcontainers 1.x declares no module name, which is also why
 * it is not {@code requires static} here).
 */
@SuppressWarnings("requires-automatic")
module dev.dynamorm.test {
    requires transitive dev.dynamorm.api;
    requires transitive org.junit.jupiter.api;
    // QueryAssert and the request assertions extend AssertJ's AbstractAssert
    requires transitive org.assertj.core;
    // assertThatChanges takes and gives the typed change events of dynamorm-streams
    requires transitive dev.dynamorm.streams;
    requires org.slf4j;
    // JSON fixtures are read with Jackson's streaming parser
    requires com.fasterxml.jackson.core;
    // the HTTP client of the clients the kit builds
    requires software.amazon.awssdk.http.apache5;
    // Apache5HttpClient checks jdk.net.NetworkPermission when it builds a client: a module-path
    // test
    // run resolves jdk.net only when some module requires it
    requires jdk.net;
    requires software.amazon.awssdk.http;
    requires software.amazon.awssdk.identity.spi;
    // YAML fixtures only: without SnakeYAML, loading a .yaml fixture fails with the reason
    requires static org.yaml.snakeyaml;

    // the JUnit 5 extension, its annotations and the backends
    exports dev.dynamorm.test;
    // @Fixture and the fixture loader
    exports dev.dynamorm.test.fixtures;
    // AssertJ assertions on query plans and on the requests sent, and the request recorder
    exports dev.dynamorm.test.assertions;
    // MockDB, for unit tests without a server
    exports dev.dynamorm.test.mock;

    // MockDB reads values given for typed fields with the converters the engine would use
    uses dev.dynamorm.ConverterProvider;
    // fixtures and MockDB read a generated model through its schema, not by reflection
    uses dev.dynamorm.spi.schema.ModelSchemaProvider;
}
