/**
 * The DynamORM test kit: a JUnit 5 extension that runs test classes against DynamoDB-compatible
 * backends (embedded, dynoxide, dynalite, LocalStack, or an endpoint you run).
 *
 * <p>The embedded ({@code dev.dynamorm.local}) and LocalStack (Testcontainers) backends are optional
 * and reached reflectively, so the kit needs neither at compile or run time: without them those
 * backends report themselves unavailable. On the module path, resolve them with
 * {@code --add-modules} when you want them (Testcontainers 1.x declares no module name, which is
 * also why it is not {@code requires static} here).
 */
module dev.dynamorm.test {
    requires transitive dev.dynamorm.api;
    requires transitive org.junit.jupiter.api;
    requires org.slf4j;
    // the HTTP client of the clients the kit builds
    requires software.amazon.awssdk.http.apache5;
    requires software.amazon.awssdk.http;

    exports dev.dynamorm.test;
}
